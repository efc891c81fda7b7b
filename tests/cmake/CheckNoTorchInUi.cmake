# ui/ and app/ must never include a torch (or OpenCV) header: torch's compile cost
# and its clash with Qt's `slots` macro stay inside the engine.
file(GLOB_RECURSE sources
  "${SOURCE_DIR}/ui/*.h" "${SOURCE_DIR}/ui/*.hpp" "${SOURCE_DIR}/ui/*.cpp"
  "${SOURCE_DIR}/app/*.h" "${SOURCE_DIR}/app/*.hpp" "${SOURCE_DIR}/app/*.cpp")
if(NOT sources)
  message(FATAL_ERROR "no sources found under ${SOURCE_DIR}/ui and app")
endif()
set(forbidden "#[ \t]*include[ \t]*[<\"](torch|ATen|c10|caffe2|opencv2?)[/.>]")
set(failures 0)
foreach(source ${sources})
  file(STRINGS "${source}" bad REGEX "${forbidden}")
  if(bad)
    file(RELATIVE_PATH rel "${SOURCE_DIR}" "${source}")
    message(SEND_ERROR "${rel} includes an engine-private header: ${bad}")
    math(EXPR failures "${failures} + 1")
  endif()
endforeach()
list(LENGTH sources count)
if(failures GREATER 0)
  message(FATAL_ERROR "${failures} file(s) of ui/ or app/ include torch or OpenCV")
endif()
message(STATUS "${count} files of ui/ and app/ are free of torch and OpenCV includes")
