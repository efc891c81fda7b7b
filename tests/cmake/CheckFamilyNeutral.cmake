# Above engine/src/model/, the engine and the apps work through the family-neutral model
# interface (MultimodalModel, LanguageDecoder, TextTokenizer, PromptFormat): no include of a
# family's folder and no family's type or checkpoint name. A new family is then a folder under
# model/ and a registry line, never another pass through the editors.
#
# The one exception is the demo trainer's entry point, which builds the demo family's own
# model (api/DemoTraining.cpp); train/ is not scanned for the same reason.
file(GLOB_RECURSE sources
  "${SOURCE_DIR}/engine/src/edit/*" "${SOURCE_DIR}/engine/src/eval/*"
  "${SOURCE_DIR}/engine/src/analysis/*" "${SOURCE_DIR}/engine/src/api/*"
  "${SOURCE_DIR}/engine/include/*" "${SOURCE_DIR}/ui/*" "${SOURCE_DIR}/app/*")
list(FILTER sources INCLUDE REGEX "\\.(h|hpp|cpp)$")
list(FILTER sources EXCLUDE REGEX "/engine/src/api/DemoTraining\\.cpp$")
if(NOT sources)
  message(FATAL_ERROR "no sources found under ${SOURCE_DIR}")
endif()
# Family folders, family types, the GPT-2 tokenizer class, and checkpoint tensor names.
set(forbidden_include "#[ \t]*include[ \t]*\"model/(blip2|llama|llava|minigpt4|qwen2vl)/")
set(forbidden_name
  "(Blip2[A-Za-z]*|Opt(Decoder|Config)[A-Za-z]*|Llama[A-Z][A-Za-z]*|Llava[A-Z][A-Za-z]*|Clip(Vision|Image)[A-Za-z]*|BpeTokenizer|language_model\\.|fc[12]\\.weight|(gate|up|down)_proj)")
set(failures 0)
foreach(source ${sources})
  file(STRINGS "${source}" lines)
  file(RELATIVE_PATH rel "${SOURCE_DIR}" "${source}")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "//.*$" "" code "${line}") # comments may name families
    if(code MATCHES "${forbidden_include}" OR code MATCHES "${forbidden_name}")
      message(SEND_ERROR "${rel} names a model family: ${line}")
      math(EXPR failures "${failures} + 1")
    endif()
  endforeach()
endforeach()
list(LENGTH sources count)
if(failures GREATER 0)
  message(FATAL_ERROR "${failures} line(s) above engine/src/model name a model family")
endif()
message(STATUS "${count} files above engine/src/model are family-neutral")
