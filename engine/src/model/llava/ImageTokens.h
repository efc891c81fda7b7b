#pragma once
// Putting LLaVA's visual tokens into the token embeddings. Two conventions reach the model:
//   - one placeholder per visual token (transformers >= 4.44 processors): the visual tokens
//     replace the positions where input_ids == image_token_index, in order;
//   - one "<image>" per row (transformers 4.36-4.43, the original LLaVA): the model expands
//     it to the visual tokens, and the attention mask with it.
// Each row is decided by counting its image tokens: N (the visual token count), 1, or 0 (a
// text-only row). Rows that end up shorter are padded on the left, so every row's text after
// its image ends at the same place and keeps its positions (they come from the mask).

#include "model/LanguageDecoder.h"
#include "model/MultimodalModel.h"

namespace unike::model {

// prefix (B, N, D) or undefined; inputIds and attentionMask (B, T) on the model's device.
// rowHasImage (B) bool or undefined: a false row keeps its image positions but masks them,
// which equals the row's text without the image.
// DecoderInput::prefixLength is the number of positions added in front of each row's text
// after its image (0 with placeholders, N - 1 when a single <image> is expanded), so text
// position i after the image is output position prefixLength + i, as for BLIP-2's prefix.
// Throws Error(InvalidInput) for image tokens with no image, a count that is neither N nor 1,
// or a batch size that differs from the prefix's.
DecoderInput placeImageTokens(const LanguageDecoder& decoder, int64_t imageTokenIndex,
                              const torch::Tensor& prefix, const torch::Tensor& inputIds,
                              const torch::Tensor& attentionMask, const torch::Tensor& rowHasImage);

} // namespace unike::model
