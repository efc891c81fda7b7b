#pragma once
// The config.json plumbing that the BLIP-2 and the LLaVA readers share, so that both families
// read fields and word their errors the same way. Torch-free.

#include <unike/Error.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace unike::io {

// config.json text as its root object; Error(File) for bad JSON or any other JSON value.
nlohmann::json parseConfigObject(const std::string& text, const std::string& source);

// The root's "model_type"; Error(Unsupported), ending with `supported`, when it has none.
std::string modelTypeOf(const nlohmann::json& root, const std::string& source,
                        const std::string& supported);

// root[key] as an object; absent or null reads as {}, so the sub-config keeps its defaults.
const nlohmann::json& subConfig(const nlohmann::json& root, const char* key,
                                const std::string& source);

// Reads typed fields of one (sub)config object. A missing or null field keeps its default,
// as a missing keyword argument does in transformers.
class ConfigFields {
public:
    ConfigFields(const nlohmann::json& object, std::string prefix, const std::string& source)
        : object_(object)
        , prefix_(std::move(prefix))
        , source_(source) {}

    const nlohmann::json* get(const char* key) const;
    bool has(const char* key) const { return get(key) != nullptr; }

    void read(const char* key, int64_t& out) const;
    void read(const char* key, std::optional<int64_t>& out) const;
    void read(const char* key, double& out) const;
    void read(const char* key, bool& out) const;
    void read(const char* key, std::string& out) const;
    void read(const char* key, std::optional<std::string>& out) const;
    // eos_token_id may be a list in generation-era configs; the first id is the one to stop on.
    void readFirst(const char* key, int64_t& out) const;
    // "image_size" and "patch_size" may be [n, n] in newer files. BLIP-2 has always called a
    // pair of non-integers an unsupported size, LLaVA a wrongly typed field; each keeps its word.
    void readSquare(const char* key, int64_t& out, bool nonIntegerIsUnsupported) const;

    std::string name(const char* key) const { return prefix_ + key; }
    Error bad(const char* key, const char* expected, const nlohmann::json& value) const;

private:
    int64_t integer(const char* key, const nlohmann::json& v) const;

    const nlohmann::json& object_;
    std::string prefix_;
    const std::string& source_;
};

// Reads the ViT fields of both vision configs (BLIP-2's and CLIP's), in the order both read them.
template <class Vision>
void readVitFields(const ConfigFields& f, Vision& c, bool nonIntegerIsUnsupported) {
    f.readSquare("image_size", c.imageSize, nonIntegerIsUnsupported);
    f.readSquare("patch_size", c.patchSize, nonIntegerIsUnsupported);
    f.read("hidden_act", c.hiddenAct);
    f.read("layer_norm_eps", c.layerNormEps);
    f.read("attention_dropout", c.attentionDropout);
    f.read("initializer_range", c.initializerRange);
}

// Error(Model) when a size or epsilon is not positive.
void requirePositive(const std::string& source, const std::string& field, int64_t value);
void requirePositive(const std::string& source, const std::string& field, double value);
// Error(Model) when `big` is not a multiple of `small` (hidden size by heads and the like).
void requireDivides(const std::string& source, const std::string& big, int64_t bigValue,
                    const std::string& small, int64_t smallValue);
// Error(Unsupported) for an activation the engine lacks; CLIP alone may also use quick_gelu.
void requireActivation(const std::string& source, const std::string& field, const std::string& name,
                       bool allowQuickGelu);
// Error(Model) when a ViT's patch is larger than its image.
void requirePatchFits(const std::string& source, const std::string& prefix, int64_t patchSize,
                      int64_t imageSize);

// Writing: the pieces toJson repeats for BLIP-2 and LLaVA.

// Writes what readVitFields reads, in the same order.
template <class Vision>
void putVitFields(nlohmann::ordered_json& out, const Vision& v) {
    out["image_size"] = v.imageSize;
    out["patch_size"] = v.patchSize;
    out["hidden_act"] = v.hiddenAct;
    out["layer_norm_eps"] = v.layerNormEps;
    out["attention_dropout"] = v.attentionDropout;
    out["initializer_range"] = v.initializerRange;
}

// An unset optional field stays out of the file, so transformers applies its own default.
template <class T>
void putIfSet(nlohmann::ordered_json& out, const char* key, const std::optional<T>& value) {
    if (value)
        out[key] = *value;
}

// The file's text: indented by two and ending in a newline, as config.json files are.
std::string configText(const nlohmann::ordered_json& root);

} // namespace unike::io
