#include "text/TextTokenizer.h"

#include <unike/Tokenizer.h>

namespace unike {

struct Tokenizer::Impl {
    std::shared_ptr<const text::TextTokenizer> tokenizer;
};

Tokenizer::Tokenizer(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
Tokenizer::~Tokenizer() = default;
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;

Tokenizer Tokenizer::load(const std::string& folder) {
    return Tokenizer(std::make_unique<Impl>(Impl{text::loadTokenizer(folder)}));
}

std::vector<int> Tokenizer::encode(const std::string& text, bool addSpecialTokens) const {
    return impl_->tokenizer->encode(text, addSpecialTokens);
}

std::string Tokenizer::decode(const std::vector<int>& ids, bool skipSpecialTokens) const {
    return impl_->tokenizer->decode(ids, skipSpecialTokens);
}

std::string Tokenizer::tokenText(int id) const {
    return impl_->tokenizer->tokenDisplay(id);
}

size_t Tokenizer::vocabSize() const {
    return impl_->tokenizer->vocabSize();
}

} // namespace unike
