# UNIKE_SANITIZE=address,undefined builds everything of ours with those sanitizers, in a build
# folder of its own (./dev.sh test --sanitize uses build-sanitize). LibTorch, OpenBLAS and Qt
# stay as Debian built them; the leaks they report are suppressed in
# tests/sanitizers/lsan.supp, each with its reason.
set(UNIKE_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address,undefined")
if(UNIKE_SANITIZE)
  message(STATUS "Building with -fsanitize=${UNIKE_SANITIZE}")
  add_compile_options(-fsanitize=${UNIKE_SANITIZE} -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=${UNIKE_SANITIZE})
endif()
