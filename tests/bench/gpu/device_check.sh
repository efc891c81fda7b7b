#!/usr/bin/env bash
# The GPU check: builds the engine and CLI against the machine's PyTorch LibTorch
# (CUDA) and runs, in order of importance:
#   1. the CUDA path on the demo model: ask, and one-step UniKE eval in float32 and
#      float16, to compare with the same commands on the CPU;
#   2. edit and model timings on the demo model;
#   3. the same for a BLIP-2 OPT-2.7b-sized random model (32 layers, width 2560).
# Run from the repository root with the folder from pack_deps.sh at .gpu-deps.
# Results go to $OUT (default /tmp/unike-gpu), packed into results.tgz at the end.
# STAGES picks the parts after the build: "demo big" (the default), "demo" or "big".
set -uo pipefail
out=${OUT:-/tmp/unike-gpu}
mkdir -p "$out"
deps=$PWD/.gpu-deps/usr
libs=$deps/lib/x86_64-linux-gnu
export PATH=/usr/local/cuda/bin:$PATH
start=$(date +%s)
stamp() { echo "== $(($(date +%s) - start)) s: $*"; }

stamp "machine"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
nproc
python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda,
    "cxx11 abi", torch._C._GLIBCXX_USE_CXX11_ABI)'
torch_prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')

if command -v ninja >/dev/null; then generator=(-G Ninja) keep_going=(-k 0); else generator=() keep_going=(-k); fi
stamp "configure"
cmake -S . -B build-gpu "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DUNIKE_BUILD_UI=OFF \
    -DUNIKE_BUILD_TESTS=OFF -DCMAKE_PREFIX_PATH="$torch_prefix;$deps" \
    -DOpenCV_DIR="$libs/cmake/opencv4" -Dspdlog_DIR="$libs/cmake/spdlog" \
    -Dfmt_DIR="$libs/cmake/fmt" -Dnlohmann_json_DIR="$deps/share/cmake/nlohmann_json" \
    -DCMAKE_EXE_LINKER_FLAGS="-Wl,-rpath-link,$libs" >"$out/configure.log" 2>&1 ||
    { tail -80 "$out/configure.log"; exit 1; }
grep -i "torch\|C++20\|cuda" "$out/configure.log" | head -20
stamp "build"
cmake --build build-gpu --target unike -j "$(nproc)" -- "${keep_going[@]}" >"$out/build.log" 2>&1 ||
    { grep -E "error|undefined reference" -A3 "$out/build.log" | head -120; exit 2; }
stamp "built"
# Only unike sees the carried libraries; the machine's Python keeps its own.
unike="env LD_LIBRARY_PATH=$libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} build-gpu/bin/unike"
image=resources/images/$(ls resources/images | grep -m1 '\.png$')
bench=/tmp/unike-bench
$unike -q make-bench --out $bench --vqa 60 --caption 20 --train 300 >/dev/null

stages=" ${STAGES:-demo big} "
wants() { [[ $stages == *" $1 "* ]]; }

run() { # name, then the command; its JSON or text goes to $out/name
    local name=$1
    shift
    stamp "$name"
    if ! timeout "${RUN_LIMIT:-240}" "$@" >"$out/$name" 2>"$out/$name.err"; then
        echo "FAILED: $*"
        tail -5 "$out/$name.err"
    fi
    head -c 1500 "$out/$name"
    echo
}
if wants demo; then
    question=$(python3 -c 'import json,sys; print(json.load(open("resources/images/gallery.json"))[0]["question"])' 2>/dev/null || echo "What is in the picture?")
    run ask-cuda-f32.json $unike -q ask --device cuda --dtype float32 --image "$image" --question "$question" --json
    run ask-cuda-f16.json $unike -q ask --device cuda --dtype float16 --image "$image" --question "$question" --json
    run eval-cuda-f32.json $unike -q eval --data $bench --task vqa --method unike --protocol one-step \
        --limit 50 --device cuda --dtype float32 --out "$out/eval-cuda-f32.report.json"
    run eval-cuda-f16.json $unike -q eval --data $bench --task vqa --method unike --protocol one-step \
        --limit 50 --device cuda --dtype float16 --out "$out/eval-cuda-f16.report.json"
    run bench-edit-demo-f32.json $unike -q bench edit --data $bench --limit 50 --device cuda --dtype float32
    run bench-edit-demo-f16.json $unike -q bench edit --data $bench --limit 50 --device cuda --dtype float16 \
        --method unike --method tpatcher --method latent-ike --method intrinsic+latent-ike \
        --method ike --method intrinsic+ike
    run bench-model-demo-f16.json $unike -q bench model --device cuda --dtype float16 --repeat 10
fi

if wants big; then
    big=/tmp/blip2-opt-2.7b-random
    run make-random-model.txt $unike -q make-random-model --config blip2-opt-2.7b --out $big
    du -sh $big
    run prepare-big.txt $unike -q prepare --model $big --data $bench --device cuda
    run bench-model-big-f16.json $unike -q bench model --model $big --device cuda --dtype float16 --repeat 5
    # Every method in float32 (ft trains a weight in place and needs it), then all but ft in float16.
    run bench-edit-big-f32.json $unike -q bench edit --model $big --data $bench --limit 20 --device cuda \
        --dtype float32
    run bench-edit-big-f16.json $unike -q bench edit --model $big --data $bench --limit 30 --device cuda \
        --dtype float16 --method unike --method tpatcher --method latent-ike --method intrinsic+latent-ike \
        --method ike --method intrinsic+ike
fi
stamp "done"
tar czf /tmp/unike-gpu-results.tgz -C "$out" . && rm -rf "${out:?}"/* && mv /tmp/unike-gpu-results.tgz "$out/results.tgz"
