#!/usr/bin/python3
"""Writes the LLaVA / LLaMA parity fixtures under tests/model/fixtures/llava/.

An independent plain-PyTorch reference of transformers' LlavaForConditionalGeneration
(CLIP vision tower + projector + LLaMA) and LlamaForCausalLM, written from the math rather
than from the engine's code, and run in float64 so that the engine's float32 numbers are
compared with a value closer to the truth than either float32 implementation:

  - CLIP: patches by unfold + matmul (a convolution without bias), CLS prepended, learned
    positions, pre_layrnorm, pre-LN layers, hidden_states[0] after pre_layrnorm;
  - projector: linear_2(act(linear_1(features))), features from vision_feature_layer(s);
  - LLaMA: RMSNorm, RoPE as an explicit rotation of the pairs (i, i + d/2), positions counted
    per row over the real tokens, grouped-query attention with a loop over query heads
    (head j reads kv head j // (heads / kv_heads)), SwiGLU;
  - image tokens: one placeholder per visual token, replaced in order; a single <image>
    expanded to the visual tokens, rows left-padded to the longest.

Run by hand (no transformers, no network):  /usr/bin/python3 tests/model/make_llava_reference.py
Each fixture folder holds config.json, the weights (one file or shards) and
reference.safetensors with every case's inputs and expected outputs.
"""

import json
import math
import os
import shutil
import struct

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures", "llava")

# ---------------------------------------------------------------- safetensors, by hand

DTYPES = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16", torch.int64: "I64"}


def tensor_bytes(t):
    t = t.detach().contiguous().cpu()
    if t.dtype == torch.bfloat16:
        return t.view(torch.int16).numpy().tobytes()
    return t.numpy().tobytes()


def write_safetensors(path, tensors, metadata=None):
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        t = tensors[name]
        data = tensor_bytes(t)
        header[name] = {"dtype": DTYPES[t.dtype], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    header["__metadata__"] = dict(metadata or {"format": "pt"})
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


def write_checkpoint(folder, tensors, shards):
    if shards == 1:
        write_safetensors(os.path.join(folder, "model.safetensors"), tensors)
        return
    names = sorted(tensors)
    per = (len(names) + shards - 1) // shards
    weight_map, total = {}, 0
    for i in range(shards):
        part = names[i * per:(i + 1) * per]
        file = "model-%05d-of-%05d.safetensors" % (i + 1, shards)
        write_safetensors(os.path.join(folder, file), {n: tensors[n] for n in part})
        for n in part:
            weight_map[n] = file
            total += len(tensor_bytes(tensors[n]))
    index = {"metadata": {"total_size": total}, "weight_map": weight_map}
    with open(os.path.join(folder, "model.safetensors.index.json"), "w") as f:
        json.dump(index, f, indent=2)


# ---------------------------------------------------------------- the reference math (float64)

def act(name, x):
    if name == "quick_gelu":
        return x * torch.sigmoid(1.702 * x)
    if name == "gelu":
        return 0.5 * x * (1.0 + torch.erf(x / math.sqrt(2.0)))
    if name == "silu":
        return x * torch.sigmoid(x)
    raise ValueError(name)


def linear(x, w, b=None):
    y = x @ w.t()
    return y if b is None else y + b


def layer_norm(x, w, b, eps):
    mean = x.mean(-1, keepdim=True)
    var = ((x - mean) ** 2).mean(-1, keepdim=True)
    return (x - mean) / torch.sqrt(var + eps) * w + b


def rms_norm(x, w, eps):
    return x / torch.sqrt((x * x).mean(-1, keepdim=True) + eps) * w


def clip_hidden_states(W, p, cfg, pixels):
    """transformers' CLIPVisionTransformer hidden_states tuple (embeddings first)."""
    d, patch = cfg["hidden_size"], cfg["patch_size"]
    eps = cfg.get("layer_norm_eps", 1e-5)
    heads = cfg["num_attention_heads"]
    hd = d // heads
    B = pixels.shape[0]
    # Patches by unfold: each patch flattened (channel, row, column) like the conv kernel.
    cols = torch.nn.functional.unfold(pixels, kernel_size=patch, stride=patch)  # (B, C*p*p, N)
    kernel = W[p + "embeddings.patch_embedding.weight"].reshape(d, -1)
    patches = (kernel @ cols).transpose(1, 2)  # (B, N, d)
    cls = W[p + "embeddings.class_embedding"].reshape(1, 1, d).expand(B, 1, d)
    h = torch.cat([cls, patches], 1) + W[p + "embeddings.position_embedding.weight"][None]
    h = layer_norm(h, W[p + "pre_layrnorm.weight"], W[p + "pre_layrnorm.bias"], eps)
    states = [h]
    for i in range(cfg["num_hidden_layers"]):
        q_ = p + "encoder.layers.%d." % i
        x = layer_norm(h, W[q_ + "layer_norm1.weight"], W[q_ + "layer_norm1.bias"], eps)
        def proj(name):
            y = linear(x, W[q_ + "self_attn.%s.weight" % name], W[q_ + "self_attn.%s.bias" % name])
            return y.reshape(B, -1, heads, hd).transpose(1, 2)
        q, k, v = proj("q_proj"), proj("k_proj"), proj("v_proj")
        probs = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(hd), -1)
        o = (probs @ v).transpose(1, 2).reshape(B, -1, d)
        h = h + linear(o, W[q_ + "self_attn.out_proj.weight"], W[q_ + "self_attn.out_proj.bias"])
        x = layer_norm(h, W[q_ + "layer_norm2.weight"], W[q_ + "layer_norm2.bias"], eps)
        x = act(cfg.get("hidden_act", "quick_gelu"), linear(x, W[q_ + "mlp.fc1.weight"], W[q_ + "mlp.fc1.bias"]))
        h = h + linear(x, W[q_ + "mlp.fc2.weight"], W[q_ + "mlp.fc2.bias"])
        states.append(h)
    return states


def llava_image_features(W, config, pixels):
    vc = config["vision_config"]
    states = clip_hidden_states(W, "vision_tower.vision_model.", vc, pixels)
    layers = config.get("vision_feature_layer", -2)
    layers = layers if isinstance(layers, list) else [layers]
    chosen = [states[l] for l in layers]  # Python's negative indexing, as transformers
    if config.get("vision_feature_select_strategy", "default") == "default":
        chosen = [s[:, 1:] for s in chosen]
    feats = torch.cat(chosen, -1)
    b1 = W.get("multi_modal_projector.linear_1.bias")
    b2 = W.get("multi_modal_projector.linear_2.bias")
    x = linear(feats, W["multi_modal_projector.linear_1.weight"], b1)
    x = act(config.get("projector_hidden_act", "gelu"), x)
    return linear(x, W["multi_modal_projector.linear_2.weight"], b2)


def rope_inv_freq(tc, head_dim):
    theta = tc.get("rope_theta", 10000.0)
    inv = torch.tensor([theta ** (-(2.0 * i) / head_dim) for i in range(head_dim // 2)],
                       dtype=torch.float64)
    scaling = tc.get("rope_scaling")
    if scaling and scaling.get("rope_type", scaling.get("type")) == "linear":
        inv = inv / scaling["factor"]
    return inv


def rotate(x, positions, inv_freq):
    """x (B, T, d) at positions (B, T): pair (i, i + d/2) turned by positions * inv_freq[i]."""
    half = x.shape[-1] // 2
    angle = positions[..., None].double() * inv_freq  # (B, T, d/2)
    c, s = torch.cos(angle), torch.sin(angle)
    a, b = x[..., :half], x[..., half:]
    return torch.cat([a * c - b * s, b * c + a * s], -1)


def llama_forward(W, tc, root, head_name, embeds, mask):
    """Returns (logits, hidden states entering each layer); mask (B, L) of 0/1."""
    B, L, _ = embeds.shape
    heads = tc["num_attention_heads"]
    kv = tc.get("num_key_value_heads", heads)
    hd = tc.get("head_dim", tc["hidden_size"] // heads)
    eps = tc.get("rms_norm_eps", 1e-6)
    group = heads // kv
    inv_freq = rope_inv_freq(tc, hd)
    # Positions: how many real tokens come before, per row.
    positions = torch.zeros(B, L, dtype=torch.long)
    for r in range(B):
        n = 0
        for t in range(L):
            positions[r, t] = n if mask[r, t] else 1
            n += int(mask[r, t])
    allowed = torch.zeros(B, L, L, dtype=torch.bool)
    for r in range(B):
        for i in range(L):
            for j in range(i + 1):
                allowed[r, i, j] = bool(mask[r, j])
    h = embeds
    states = []
    for i in range(tc["num_hidden_layers"]):
        states.append(h)
        p = root + "layers.%d." % i
        x = rms_norm(h, W[p + "input_layernorm.weight"], eps)
        def proj(name):
            return linear(x, W[p + "self_attn.%s.weight" % name], W.get(p + "self_attn.%s.bias" % name))
        q, k, v = proj("q_proj"), proj("k_proj"), proj("v_proj")
        outs = []
        for j in range(heads):
            g = j // group
            qj = rotate(q[..., j * hd:(j + 1) * hd], positions, inv_freq)
            kj = rotate(k[..., g * hd:(g + 1) * hd], positions, inv_freq)
            vj = v[..., g * hd:(g + 1) * hd]
            scores = (qj @ kj.transpose(1, 2)) / math.sqrt(hd)
            scores = scores.masked_fill(~allowed, float("-inf"))
            probs = torch.nan_to_num(torch.softmax(scores, -1), nan=0.0)  # pad rows: no keys
            outs.append(probs @ vj)
        o = torch.cat(outs, -1)
        h = h + linear(o, W[p + "self_attn.o_proj.weight"], W.get(p + "self_attn.o_proj.bias"))
        x = rms_norm(h, W[p + "post_attention_layernorm.weight"], eps)
        gate = linear(x, W[p + "mlp.gate_proj.weight"], W.get(p + "mlp.gate_proj.bias"))
        up = linear(x, W[p + "mlp.up_proj.weight"], W.get(p + "mlp.up_proj.bias"))
        h = h + linear(act(tc.get("hidden_act", "silu"), gate) * up,
                       W[p + "mlp.down_proj.weight"], W.get(p + "mlp.down_proj.bias"))
    final = rms_norm(h, W[root + "norm.weight"], eps)
    head = W.get(head_name, W[root + "embed_tokens.weight"])
    return final @ head.t(), states


def merge_image_tokens(embed_table, image_token, n_visual, ids, mask, feats):
    """Rows with n_visual placeholders are filled in order; a row with one <image> is
    expanded; a row without is text only. Shorter rows are padded on the left."""
    rows, masks = [], []
    for r in range(ids.shape[0]):
        e, m = [], []
        used = 0
        count = int((ids[r] == image_token).sum())
        for t in range(ids.shape[1]):
            tok = int(ids[r, t])
            if tok != image_token:
                e.append(embed_table[tok])
                m.append(int(mask[r, t]))
            elif count == n_visual:
                e.append(feats[r, used])
                m.append(int(mask[r, t]))
                used += 1
            else:  # a single <image>
                for n in range(n_visual):
                    e.append(feats[r, n])
                    m.append(int(mask[r, t]))
        rows.append(torch.stack(e))
        masks.append(m)
    longest = max(len(m) for m in masks)
    d = embed_table.shape[1]
    out = torch.zeros(len(rows), longest, d, dtype=torch.float64)
    out_mask = torch.zeros(len(rows), longest, dtype=torch.long)
    for r, (e, m) in enumerate(zip(rows, masks)):
        out[r, longest - len(m):] = e
        out_mask[r, longest - len(m):] = torch.tensor(m)
    return out, out_mask


# ---------------------------------------------------------------- random weights and fixtures

def normal(g, shape, std):
    return torch.randn(*shape, generator=g, dtype=torch.float32) * std


def clip_weights(g, cfg, prefix):
    d, inter = cfg["hidden_size"], cfg["intermediate_size"]
    c, patch = cfg.get("num_channels", 3), cfg["patch_size"]
    n = (cfg["image_size"] // patch) ** 2 + 1
    W = {
        prefix + "embeddings.class_embedding": normal(g, [d], 0.5),
        prefix + "embeddings.patch_embedding.weight": normal(g, [d, c, patch, patch], 0.2),
        prefix + "embeddings.position_embedding.weight": normal(g, [n, d], 0.3),
    }
    def ln(name):
        W[name + ".weight"] = 1 + normal(g, [d], 0.1)
        W[name + ".bias"] = normal(g, [d], 0.1)
    ln(prefix + "pre_layrnorm")
    ln(prefix + "post_layernorm")
    for i in range(cfg["num_hidden_layers"]):
        p = prefix + "encoder.layers.%d." % i
        ln(p + "layer_norm1")
        ln(p + "layer_norm2")
        for name in ["q_proj", "k_proj", "v_proj", "out_proj"]:
            W[p + "self_attn.%s.weight" % name] = normal(g, [d, d], 0.25)
            W[p + "self_attn.%s.bias" % name] = normal(g, [d], 0.05)
        W[p + "mlp.fc1.weight"] = normal(g, [inter, d], 0.2)
        W[p + "mlp.fc1.bias"] = normal(g, [inter], 0.05)
        W[p + "mlp.fc2.weight"] = normal(g, [d, inter], 0.2)
        W[p + "mlp.fc2.bias"] = normal(g, [d], 0.05)
    return W


def llama_weights(g, tc, root, head_name, tied):
    d, inter, vocab = tc["hidden_size"], tc["intermediate_size"], tc["vocab_size"]
    heads = tc["num_attention_heads"]
    kv = tc.get("num_key_value_heads", heads)
    hd = tc.get("head_dim", d // heads)
    ab, mb = tc.get("attention_bias", False), tc.get("mlp_bias", False)
    W = {root + "embed_tokens.weight": normal(g, [vocab, d], 0.6),
         root + "norm.weight": 1 + normal(g, [d], 0.1)}
    if not tied:
        W[head_name] = normal(g, [vocab, d], 0.3)
    for i in range(tc["num_hidden_layers"]):
        p = root + "layers.%d." % i
        W[p + "input_layernorm.weight"] = 1 + normal(g, [d], 0.1)
        W[p + "post_attention_layernorm.weight"] = 1 + normal(g, [d], 0.1)
        for name, out_dim, in_dim in [("q_proj", heads * hd, d), ("k_proj", kv * hd, d),
                                      ("v_proj", kv * hd, d), ("o_proj", d, heads * hd)]:
            W[p + "self_attn.%s.weight" % name] = normal(g, [out_dim, in_dim], 0.3)
            if ab:
                W[p + "self_attn.%s.bias" % name] = normal(g, [out_dim], 0.1)
        for name, out_dim, in_dim in [("gate_proj", inter, d), ("up_proj", inter, d),
                                      ("down_proj", d, inter)]:
            W[p + "mlp.%s.weight" % name] = normal(g, [out_dim, in_dim], 0.25)
            if mb:
                W[p + "mlp.%s.bias" % name] = normal(g, [out_dim], 0.05)
    return W


def rename_newer(W):
    """Released llava-hf names -> transformers >= 4.52 names."""
    out = {}
    for n, t in W.items():
        if n.startswith("language_model.model."):
            n = "model.language_model." + n[len("language_model.model."):]
        elif n == "language_model.lm_head.weight":
            n = "lm_head.weight"
        elif n.startswith("vision_tower.") or n.startswith("multi_modal_projector."):
            n = "model." + n
        out[n] = t
    return out


def as64(W):
    return {n: t.double() for n, t in W.items() if t.is_floating_point()}


def fresh(folder):
    path = os.path.join(OUT, folder)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def llava_case(W64, config, name, ids, mask, pixels, capture_hidden):
    tc = config["text_config"]
    image_token = config.get("image_token_index", config.get("image_token_id", 32000))
    vc = config["vision_config"]
    n_visual = (vc["image_size"] // vc["patch_size"]) ** 2
    if config.get("vision_feature_select_strategy", "default") == "full":
        n_visual += 1
    out = {name + ".input_ids": ids, name + ".attention_mask": mask}
    table = W64["language_model.model.embed_tokens.weight"]
    if pixels is not None:
        feats = llava_image_features(W64, config, pixels.double())
        out[name + ".pixel_values"] = pixels
        out[name + ".image_features"] = feats.float()
    else:
        feats = None
    embeds, full_mask = merge_image_tokens(table, image_token, n_visual, ids, mask, feats)
    logits, states = llama_forward(W64, tc, "language_model.model.",
                                   "language_model.lm_head.weight", embeds, full_mask)
    out[name + ".logits"] = logits.float()
    out[name + ".output_mask"] = full_mask
    if capture_hidden:
        for i, s in enumerate(states):
            out[name + ".hidden.%d" % i] = s.float()
    return out


def padded(rows, pad_id):
    longest = max(len(r) for r in rows)
    ids = torch.full((len(rows), longest), pad_id, dtype=torch.long)
    mask = torch.zeros(len(rows), longest, dtype=torch.long)
    for i, r in enumerate(rows):
        ids[i, longest - len(r):] = torch.tensor(r)
        mask[i, longest - len(r):] = 1
    return ids, mask


def write_reference(path, tensors, cases):
    write_safetensors(os.path.join(path, "reference.safetensors"),
                      {n: t.contiguous() for n, t in tensors.items()},
                      {"format": "pt", "cases": ",".join(cases)})


def make_llava(folder, config, seed, layout, shards, storage, cases, buffers=False):
    path = fresh(folder)
    g = torch.Generator().manual_seed(seed)
    tc = config["text_config"]
    tied = tc.get("tie_word_embeddings", False) or config.get("tie_word_embeddings", False)
    W = clip_weights(g, config["vision_config"], "vision_tower.vision_model.")
    W.update(llama_weights(g, tc, "language_model.model.", "language_model.lm_head.weight", tied))
    vd, td = config["vision_config"]["hidden_size"], tc["hidden_size"]
    layers = config.get("vision_feature_layer", -2)
    nlayers = len(layers) if isinstance(layers, list) else 1
    bias = config.get("multimodal_projector_bias", True)
    W["multi_modal_projector.linear_1.weight"] = normal(g, [td, vd * nlayers], 0.2)
    W["multi_modal_projector.linear_2.weight"] = normal(g, [td, td], 0.2)
    if bias:
        W["multi_modal_projector.linear_1.bias"] = normal(g, [td], 0.05)
        W["multi_modal_projector.linear_2.bias"] = normal(g, [td], 0.05)
    # Stored in `storage`; the reference computes with exactly the stored values.
    W = {n: t.to(storage) for n, t in W.items()}
    W64 = as64(W)
    files = dict(W)
    if buffers:  # what checkpoints converted by older transformers carry
        n = (config["vision_config"]["image_size"] // config["vision_config"]["patch_size"]) ** 2 + 1
        files["vision_tower.vision_model.embeddings.position_ids"] = torch.arange(n)[None]
        hd = tc.get("head_dim", td // tc["num_attention_heads"])
        files["language_model.model.layers.0.self_attn.rotary_emb.inv_freq"] = \
            rope_inv_freq(tc, hd).float()
    if layout == "newer":
        files = rename_newer(files)
    write_checkpoint(path, files, shards)
    with open(os.path.join(path, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
    ref = {}
    for name, (ids, mask, pixels, hidden) in cases.items():
        ref.update(llava_case(W64, config, name, ids, mask, pixels, hidden))
    write_reference(path, ref, list(cases))
    return W


def make_llama(folder, config, seed, cases):
    path = fresh(folder)
    g = torch.Generator().manual_seed(seed)
    tied = config.get("tie_word_embeddings", False)
    W = llama_weights(g, config, "model.", "lm_head.weight", tied)
    files = dict(W)
    hd = config.get("head_dim", config["hidden_size"] // config["num_attention_heads"])
    for i in range(config["num_hidden_layers"]):
        files["model.layers.%d.self_attn.rotary_emb.inv_freq" % i] = rope_inv_freq(config, hd).float()
    write_checkpoint(path, files, 1)
    with open(os.path.join(path, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
    W64 = as64(W)
    ref = {}
    for name, (ids, mask) in cases.items():
        embeds = W64["model.embed_tokens.weight"][ids]
        logits, states = llama_forward(W64, config, "model.", "lm_head.weight", embeds, mask)
        ref[name + ".input_ids"] = ids
        ref[name + ".attention_mask"] = mask
        ref[name + ".logits"] = logits.float()
        ref[name + ".output_mask"] = mask
        for i, s in enumerate(states):
            ref[name + ".hidden.%d" % i] = s.float()
    write_reference(path, ref, list(cases))


def main():
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(1234)
    pad = 0

    # A: the released llava-hf layout, float32, one file, old buffers; GQA (4 heads, 2 kv),
    # linear RoPE scaling, untied head, CLIP defaults (quick_gelu, eps 1e-5), feature layer -2.
    released = {
        "model_type": "llava",
        "architectures": ["LlavaForConditionalGeneration"],
        "image_token_index": 90,
        "pad_token_id": pad,
        "vision_config": {"model_type": "clip_vision_model", "hidden_size": 32,
                          "intermediate_size": 48, "num_hidden_layers": 3,
                          "num_attention_heads": 4, "image_size": 16, "patch_size": 4},
        "text_config": {"model_type": "llama", "vocab_size": 96, "hidden_size": 32,
                        "intermediate_size": 48, "num_hidden_layers": 2,
                        "num_attention_heads": 4, "num_key_value_heads": 2,
                        "rms_norm_eps": 1e-5, "rope_scaling": {"type": "linear", "factor": 2.0}},
    }
    img = 90
    n_visual = 16
    pixels2 = torch.randn(2, 3, 16, 16, generator=g)
    expanded, expanded_mask = padded([[1, 5, 7] + [img] * n_visual + [11, 12, 13, 14],
                                      [1, 6] + [img] * n_visual + [21, 22, 23, 24, 25, 26]], pad)
    single, single_mask = padded([[1, 5, 7, img, 11, 12, 13, 14],
                                  [1, 6, img, 21, 22, 23, 24, 25, 26]], pad)
    mixed, mixed_mask = padded([[1, 8, img, 31, 32, 33], [1, 41, 42, 43, 44]], pad)
    text, text_mask = padded([[1, 50, 51, 52], [1, 60, 61, 62, 63, 64, 65]], pad)
    make_llava("released", released, 11, "released", 1, torch.float32, {
        "placeholders": (expanded, expanded_mask, pixels2, True),
        "single": (single, single_mask, pixels2, False),
        "mixed": (mixed, mixed_mask, pixels2, False),
        "text": (text, text_mask, None, True),
    }, buffers=True)

    # B: the transformers >= 4.52 layout, three shards; tied embeddings, heads == kv heads,
    # explicit head_dim 16 (q_proj wider than hidden), rope_theta 5e5, biases, "full" strategy
    # with two feature layers, no projector bias, exact-GELU CLIP, and an image token id past
    # the vocabulary. Epsilons of 0.02 make a hard-coded epsilon fail the comparison.
    newer = {
        "model_type": "llava",
        "image_token_id": 100,
        "vision_feature_layer": [-3, -1],
        "vision_feature_select_strategy": "full",
        "multimodal_projector_bias": False,
        "vision_config": {"hidden_size": 24, "intermediate_size": 40, "num_hidden_layers": 3,
                          "num_attention_heads": 2, "image_size": 12, "patch_size": 4,
                          "hidden_act": "gelu", "layer_norm_eps": 0.02},
        "text_config": {"vocab_size": 96, "hidden_size": 32, "intermediate_size": 40,
                        "num_hidden_layers": 2, "num_attention_heads": 4, "head_dim": 16,
                        "rope_theta": 500000.0, "attention_bias": True, "mlp_bias": True,
                        "rms_norm_eps": 0.02,
                        "tie_word_embeddings": True},
    }
    img = 100
    n_visual = 9 + 1
    pixels_b = torch.randn(2, 3, 12, 12, generator=g)
    ids_b, mask_b = padded([[1, 3] + [img] * n_visual + [4, 5, 6],
                            [1] + [img] * n_visual + [7, 8, 9, 10, 11]], pad)
    make_llava("newer", newer, 22, "newer", 3, torch.float32, {
        "placeholders": (ids_b, mask_b, pixels_b, True),
        "single": (*padded([[1, 3, img, 4, 5, 6], [1, img, 7, 8, 9, 10, 11]], pad), pixels_b, False),
    })

    # C: config A stored in float16 (and the reference computing with those values).
    make_llava("float16", released, 33, "released", 1, torch.float16, {
        "placeholders": (expanded, expanded_mask, pixels2, False),
    })

    # D: a bare LlamaForCausalLM: model.* and lm_head.weight, one kv head for four query
    # heads, attention and MLP biases, linear scaling given as rope_type, default eps 1e-6.
    llama = {
        "model_type": "llama", "architectures": ["LlamaForCausalLM"],
        "vocab_size": 80, "hidden_size": 32, "intermediate_size": 48, "num_hidden_layers": 2,
        "num_attention_heads": 4, "num_key_value_heads": 1, "attention_bias": True,
        "mlp_bias": True, "rope_scaling": {"rope_type": "linear", "factor": 4.0},
    }
    make_llama("llama", llama, 44, {
        "batch": padded([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 20, 21, 22, 23]], pad),
    })


if __name__ == "__main__":
    main()
