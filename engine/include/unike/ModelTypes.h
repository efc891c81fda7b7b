#pragma once
// Value types of the engine facade's model operations: load, ask, score. Plain
// standard types only, so the UI and the CLI never see torch.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace unike {

struct ModelLoadParams {
    std::string folder;          // Hugging Face format; empty: the embedded demo model
    std::string device = "auto"; // cpu, cuda, cuda:N or auto
    std::string dtype = "auto";  // float32, float16, bfloat16 or auto (float32 on the CPU)
};

struct ModelInfo {
    std::string folder;
    std::string name; // the folder's last component
    std::string device;
    std::string dtype;
    std::string family;       // config.json's model_type: "blip-2", "llava"
    std::string architecture; // for people: "BLIP-2 (OPT)", "LLaVA (CLIP + LLaMA)"
    std::string tokenizer;    // the tokenizer's algorithm: "byte-level BPE"
    int64_t parameters = 0;
    int64_t weightBytes = 0;
    int decoderLayers = 0;
    int hiddenSize = 0;
    int vocabSize = 0;
    int queryTokens = 0; // visual tokens an image becomes
    int imageSize = 0;
    double loadSeconds = 0.0;
    std::string hash; // a fingerprint of the weights, config and tokenizer (sessions check it)
    // The folder's own editing defaults (edit_hparams.json), for people:
    // "unike: gate_threshold=0.7, min_steps=2"; "" when it has none.
    std::string editDefaults;
    // What is wrong with weights that still loaded (NaN or infinite values), for people.
    std::vector<std::string> warnings;
};

// An image given by path, or by encoded bytes (paste, drag and drop).
struct ImageInput {
    std::string path;
    std::vector<uint8_t> bytes;
    std::string name; // for messages when bytes are given ("the pasted image")
    bool empty() const { return path.empty() && bytes.empty(); }
};

struct GenerationParams {
    int maxNewTokens = 16;
    int numBeams = 1; // 1: greedy
    int topK = 5;     // alternatives reported per token
    bool useCache = true;
    double lengthPenalty = 1.0;
};

// How a question becomes the model's prompt.
enum class PromptStyle {
    Vqa, // "Question: {q} Short answer:", as MMEdit and EasyEdit format VQA prompts
    Raw, // the text as given (caption prompts such as "a photo of")
};

struct AskParams {
    ImageInput image; // empty: a text-only question
    std::string question;
    PromptStyle style = PromptStyle::Vqa;
    GenerationParams generation;
    std::optional<std::string> scoreAnswer; // also score this answer under teacher forcing
    bool bypassEdits = false;               // answer as the unedited model
};

struct TokenAlternative {
    int id = 0;
    std::string text;
    double probability = 0.0;
};

struct TokenProbability {
    int id = 0;
    std::string text; // the token's text, safe to display
    double probability = 0.0;
    std::vector<TokenAlternative> alternatives; // top-k, most likely first
};

struct AnswerScoreResult {
    std::string answer;
    std::vector<TokenProbability> tokens;  // the answer's tokens with their probabilities
    std::vector<std::string> argmaxTokens; // what the model would have said at each position
    double tokenAccuracy = 0.0;            // 0..1, METHOD.md §9
    double logLikelihood = 0.0;
};

struct AskResult {
    std::string prompt;
    std::string answer;
    std::vector<TokenProbability> tokens;
    bool stoppedAtEos = false;
    double seconds = 0.0;
    std::optional<AnswerScoreResult> score;
};

// A decoded image and what the model sees of it (resized, before normalisation).
struct ImagePreview {
    int width = 0, height = 0;
    std::vector<uint8_t> rgb; // the decoded image, interleaved RGB
    int modelWidth = 0, modelHeight = 0;
    std::vector<uint8_t> modelRgb;
};

} // namespace unike
