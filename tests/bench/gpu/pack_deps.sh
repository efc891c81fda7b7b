#!/usr/bin/env bash
# Packs what the GPU build needs from this Debian machine into a folder that the
# device tool can carry: the GPU image has PyTorch's LibTorch and CUDA but no OpenCV,
# spdlog or nlohmann-json. Usage: tests/bench/gpu/pack_deps.sh [OUT] (default .gpu-deps)
#
# Debian's libopencv_imgcodecs links GDAL, GDCM and OpenEXR, which pull in about 130
# more libraries (220 MB). The project reads and writes PNG and JPEG only, so those
# three, and OpenCV core's GLX and LAPACK back-ends, are replaced by stub libraries
# that define the symbols OpenCV imports and abort with a message if one is called.
set -euo pipefail
out=$(realpath -m "${1:-.gpu-deps}")
lib=/usr/lib/x86_64-linux-gnu
rm -rf "$out"
mkdir -p "$out/usr/include" "$out/usr/lib/x86_64-linux-gnu/cmake" "$out/usr/share/cmake" "$out/stubs"
dest="$out/usr/lib/x86_64-linux-gnu"

cp -r /usr/include/opencv4 /usr/include/spdlog /usr/include/fmt /usr/include/nlohmann "$out/usr/include/"
cp -r "$lib/cmake/spdlog" "$lib/cmake/fmt" "$dest/cmake/"
cp -r /usr/share/cmake/nlohmann_json "$out/usr/share/cmake/"

opencv=(libopencv_core.so.406 libopencv_imgproc.so.406 libopencv_imgcodecs.so.406)
carried=("${opencv[@]}" libjpeg.so.62 libwebp.so.7 libpng16.so.16 libtiff.so.6 libopenjp2.so.7
    libtbb.so.12 libzstd.so.1 liblzma.so.5 libLerc.so.4 libjbig.so.0 libdeflate.so.0
    libspdlog.so.1.10 libfmt.so.9)
for name in "${carried[@]}"; do
    cp -L "$lib/$name" "$dest/$name"
done
# The names the CMake configs point at.
for m in core imgproc imgcodecs; do ln -s "libopencv_$m.so.406" "$dest/libopencv_$m.so.4.6.0"; done
ln -s libspdlog.so.1.10 "$dest/libspdlog.so.1.10.0"
ln -s libfmt.so.9 "$dest/libfmt.so.9.1.0"

# One stub per replaced library: the symbols OpenCV imports from it, each a jump to
# a function that says what happened and aborts.
stubbed=(libgdal.so.32 libgdcmMSFF.so.3.0 libgdcmDSED.so.3.0 libOpenEXR-3_1.so.30 libGLX.so.0
    liblapack.so.3 libblas.so.3)
for name in "${opencv[@]}"; do nm -D --undefined-only "$lib/$name" | awk '{print $2}'; done |
    sed 's/@.*//' | sort -u >"$out/stubs/imports.txt"
for name in "${stubbed[@]}"; do
    src="$out/stubs/${name%%.so*}.c"
    {
        echo '#include <stdio.h>'
        echo '#include <stdlib.h>'
        echo 'static void unike_stub_called(const char* symbol) {'
        echo "    fprintf(stderr, \"%s from $name was called, but this GPU build has only a stub \""
        echo '                    "of it: OpenCV reached a reader the project does not use\n", symbol);'
        echo '    if (!getenv("UNIKE_STUB_TRACE")) abort();'
        echo '}'
        count=0
        nm -D --defined-only "$lib/$name" | awk '{print $3, $2}' | sed 's/@[^ ]*//' | sort -u |
            while read -r symbol kind; do
                grep -qxF "$symbol" "$out/stubs/imports.txt" || continue
                count=$((count + 1))
                case $symbol:$kind in
                # OpenCV calls these two whenever it lists its codecs: quiet no-ops.
                GDALAllRegister:* | _ZN7Imf_3_114ChromaticitiesC[12]*)
                    echo "long stub$count(void) __asm__(\"$symbol\");"
                    echo "long stub$count(void) { return 0; }" ;;
                *:T | *:W | *:i)
                    echo "long stub$count(void) __asm__(\"$symbol\");"
                    echo "long stub$count(void) { unike_stub_called(\"$symbol\"); return 0; }" ;;
                *) echo "char data$count[64] __asm__(\"$symbol\");" ;;
                esac
            done
    } >"$src"
    gcc -shared -fPIC -O1 -Wl,-soname,"$name" -o "$dest/$name" "$src"
done

mkdir -p "$dest/cmake/opencv4"
cat >"$dest/cmake/opencv4/OpenCVConfig.cmake" <<'CMAKE'
# The three OpenCV modules the project uses, carried from Debian (pack_deps.sh).
get_filename_component(_unike_prefix "${CMAKE_CURRENT_LIST_DIR}/../../../.." ABSOLUTE)
set(OpenCV_INCLUDE_DIRS "${_unike_prefix}/include/opencv4")
set(OpenCV_LIBS "")
foreach(_module core imgproc imgcodecs)
  if(NOT TARGET opencv_${_module})
    add_library(opencv_${_module} SHARED IMPORTED)
    set_target_properties(opencv_${_module} PROPERTIES
      IMPORTED_LOCATION "${_unike_prefix}/lib/x86_64-linux-gnu/libopencv_${_module}.so.406"
      INTERFACE_INCLUDE_DIRECTORIES "${OpenCV_INCLUDE_DIRS}")
  endif()
  list(APPEND OpenCV_LIBS opencv_${_module})
endforeach()
set(OpenCV_VERSION 4.6.0)
set(OpenCV_FOUND TRUE)
CMAKE
du -sh "$out"
