#pragma once
// A model folder's tokenizer on its own (tokenizer.json, or vocab.json + merges.txt),
// for tools that need no weights.

#include <memory>
#include <string>
#include <vector>

namespace unike {

class Tokenizer {
public:
    // Throws Error(File) when the folder holds no readable tokenizer.
    static Tokenizer load(const std::string& folder);
    ~Tokenizer();
    Tokenizer(Tokenizer&&) noexcept;
    Tokenizer& operator=(Tokenizer&&) noexcept;

    std::vector<int> encode(const std::string& text, bool addSpecialTokens = true) const;
    std::string decode(const std::vector<int>& ids, bool skipSpecialTokens = false) const;
    std::string tokenText(int id) const; // safe to display
    size_t vocabSize() const;

private:
    struct Impl;
    explicit Tokenizer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace unike
