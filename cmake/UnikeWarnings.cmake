# Warnings applied per target (never globally), so third-party headers stay quiet.
function(unike_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
endfunction()
