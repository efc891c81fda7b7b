#!/usr/bin/python3
"""Writes tests/text/fixtures/llama/: a small LLaMA-style tokenizer and the ids it must give.

Run by hand with Debian's interpreter (it has python3-sentencepiece; there is no transformers
or tokenizers package here):

    /usr/bin/python3 tests/text/make_llama_tokenizer_fixture.py

It trains a SentencePiece BPE model shaped like LLaMA's (byte fallback, <unk>=0, <s>=1, </s>=2,
identity normalizer, no whitespace collapsing, split digits), writes it as tokenizer.model, and
converts it to the two tokenizer.json forms that transformers' LlamaConverter writes:

  legacy/     normalizer Sequence[Prepend("▁"), Replace(" ", "▁")], no pre-tokenizer,
              merges as "a b" strings (tokenizers before 0.20);
  metaspace/  no normalizer, Metaspace(prepend_scheme "first", split false), merges as
              ["a", "b"] pairs, and an "<image>" added token with id = vocabulary size (LLaVA).

expected.json holds, for every test string, the ids transformers' LlamaTokenizerFast gives
without special tokens, per variant of the tokenizer.json. They come from sentencepiece:

  - Added tokens are split out of the text first (as both transformers tokenizers do).
  - legacy: each piece between added tokens is encoded by sentencepiece as it is (its dummy
    prefix is the Prepend("▁") normalizer). This is also what the slow, legacy LlamaTokenizer
    and a tokenizer.model-only folder give.
  - Metaspace: spaces become "▁", and "▁" is prepended only where tokenizers' Metaspace does it
    (prepend_scheme "always": when the piece does not already start with "▁"; "first": the same,
    and only for the piece at offset 0 of the text; "never": not at all). With split true the
    piece is cut before every "▁". Each part is then encoded by a copy of the model whose
    dummy prefix is switched off, so sentencepiece still does the BPE.

So "first" and "always" differ from legacy only after added tokens (no "▁" with "first") and
at a leading space ("  x": legacy "▁▁▁x", Metaspace "▁▁x"); split true also where whitespace
pieces ("▁▁") would have merged; "never" everywhere a "▁" was prepended. A variant's list
holds null where its ids equal legacy's.

Merges are generated as transformers' SentencePieceExtractor does (4.3x-4.4x): every split of
a piece into two pieces, ordered by the piece's score, best first, the splits of one piece by
their ids; newer versions also order by the parts' lengths, which changes no encoding here.

The script also re-runs every string through a small rank-based BPE over the generated merges
(what tokenizers does with tokenizer.json) and stops if it disagrees with sentencepiece, so
the fixture never depends on a tie that the two algorithms break differently.
"""

import io
import json
import os
import random
import sys

import sentencepiece as spm

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures", "llama")
SPACE = "\u2581"  # "▁"
VOCAB_SIZE = 1000
SPECIALS = ["<unk>", "<s>", "</s>"]


# ---------------------------------------------------------------- corpus

WORDS_EN = (
    "the of and to in is was it for on that with as by at from this be are or an have not "
    "what which colour color sky sea blue red green yellow white black orange purple heart "
    "circle square ring star shape size small large big left right top bottom image picture "
    "photo question answer user assistant model token hello world tokenizer llama vision "
    "language edit knowledge fact true false count one two three four five many some there "
    "where when who why how does do did can could would should will shows show looks like"
).split()
WORDS_FR = "le la les un une des est où café élève été très bien rouge bleu vert ciel".split()
WORDS_DE = "der die das und ist Straße über Mädchen schön grün blau rot Himmel".split()
WORDS_ES = "el la los una es niño año azul rojo verde cielo mañana".split()
PHRASES_ZH = ["你好", "世界", "天空", "蓝色", "红色", "图片", "问题", "回答", "模型", "知识"]
PHRASES_JA = ["こんにちは", "ありがとう", "青い", "空", "画像", "質問"]
EMOJI = ["😀", "👍", "❤️", "🌍", "🚀", "✨"]


def corpus_lines(rng):
    lines = []
    for _ in range(3000):
        kind = rng.random()
        if kind < 0.55:
            words = [rng.choice(WORDS_EN) for _ in range(rng.randint(3, 12))]
            words[0] = words[0].capitalize()
            line = " ".join(words) + rng.choice([".", "?", "!", ",", ":", ""])
        elif kind < 0.65:
            line = " ".join(rng.choice(WORDS_FR + WORDS_DE + WORDS_ES) for _ in range(6))
        elif kind < 0.75:
            line = "".join(rng.choice(PHRASES_ZH + PHRASES_JA) for _ in range(rng.randint(2, 6)))
        elif kind < 0.83:
            line = "%d + %d = %d, %.2f%% in %d" % (
                rng.randint(0, 999), rng.randint(0, 99), rng.randint(0, 9999),
                rng.random() * 100, rng.randint(1900, 2030))
        elif kind < 0.90:
            line = rng.choice(WORDS_EN) + " " + rng.choice(EMOJI) + " " + rng.choice(WORDS_EN)
        elif kind < 0.95:
            # indented code: runs of spaces and tabs, so whitespace pieces exist ("▁▁", "▁▁▁▁")
            line = rng.choice(["    ", "        ", "\t", "  "]) + "return x[%d] * 2;" % rng.randint(0, 9)
        else:
            line = "USER: What colour is the %s? ASSISTANT: %s" % (
                rng.choice(["sky", "heart", "sea", "star"]), rng.choice(["blue", "red", "green"]))
        lines.append(line)
    # Characters seen once fall outside character_coverage and stay byte-fallback only.
    lines.append("rare: ζ Ω ß € ☃ 龍")
    return lines


def train_model():
    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(corpus_lines(random.Random(1))),
        model_writer=buf,
        model_type="bpe",
        vocab_size=VOCAB_SIZE,
        character_coverage=0.9995,
        byte_fallback=True,
        split_digits=True,
        allow_whitespace_only_pieces=True,
        split_by_unicode_script=True,
        split_by_whitespace=True,
        normalization_rule_name="identity",
        remove_extra_whitespaces=False,
        add_dummy_prefix=True,
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        num_threads=1,
        shuffle_input_sentence=False,
        minloglevel=2,
    )
    return buf.getvalue()


# ---------------------------------------------------------------- protobuf (no google.protobuf)

def read_varint(data, pos):
    value, shift = 0, 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos


def write_varint(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def fields(data):
    """(field number, wire type, raw bytes of the whole field) for each field of a message."""
    pos, out = 0, []
    while pos < len(data):
        start = pos
        key, pos = read_varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            _, pos = read_varint(data, pos)
        elif wire == 1:
            pos += 8
        elif wire == 2:
            length, pos = read_varint(data, pos)
            pos += length
        elif wire == 5:
            pos += 4
        else:
            raise ValueError("unexpected wire type %d" % wire)
        out.append((number, wire, data[start:pos]))
    return out


def payload(raw):
    """The bytes of a length-delimited field, without its key and length."""
    _, pos = read_varint(raw, 0)
    length, pos = read_varint(raw, pos)
    return raw[pos:pos + length]


def without_dummy_prefix(model):
    """The model with normalizer_spec.add_dummy_prefix = false (field 3 of field 3)."""
    out = bytearray()
    for number, wire, raw in fields(model):
        if number == 3 and wire == 2:
            spec = bytearray()
            for n, w, r in fields(payload(raw)):
                if n != 3:
                    spec += r
            spec += write_varint(3 << 3 | 0) + write_varint(0)
            out += write_varint(3 << 3 | 2) + write_varint(len(spec)) + spec
        else:
            out += raw
    return bytes(out)


# ---------------------------------------------------------------- LlamaConverter

def vocab_and_merges(sp):
    # LlamaConverter.vocab: the pieces in id order with their scores.
    scored = [(sp.id_to_piece(i), sp.get_score(i)) for i in range(sp.get_piece_size())]
    vocab = {piece: i for i, (piece, _) in enumerate(scored)}
    # SentencePieceExtractor.extract(vocab_scores): every split of a piece into two pieces,
    # ordered by the piece's score (best first), splits of one piece by their ids.
    merges = []
    for piece, score in scored:
        local = []
        for cut in range(1, len(piece)):
            left, right = piece[:cut], piece[cut:]
            if left in vocab and right in vocab:
                local.append((left, right, score))
        local.sort(key=lambda m: (vocab[m[0]], vocab[m[1]]))
        merges.extend(local)
    merges.sort(key=lambda m: m[2], reverse=True)
    return vocab, [(left, right) for left, right, _ in merges]


def added_token(token_id, content):
    return {"id": token_id, "content": content, "single_word": False, "lstrip": False,
            "rstrip": False, "normalized": False, "special": True}


def template(bos_id):
    return {
        "type": "TemplateProcessing",
        "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}},
                   {"Sequence": {"id": "A", "type_id": 0}}],
        "pair": [{"SpecialToken": {"id": "<s>", "type_id": 0}},
                 {"Sequence": {"id": "A", "type_id": 0}},
                 {"SpecialToken": {"id": "<s>", "type_id": 1}},
                 {"Sequence": {"id": "B", "type_id": 1}}],
        "special_tokens": {"<s>": {"id": "<s>", "ids": [bos_id], "tokens": ["<s>"]}},
    }


LLAMA_DECODER = {
    "type": "Sequence",
    "decoders": [
        {"type": "Replace", "pattern": {"String": SPACE}, "content": " "},
        {"type": "ByteFallback"},
        {"type": "Fuse"},
        {"type": "Strip", "content": " ", "start": 1, "stop": 0},
    ],
}


def tokenizer_json(vocab, merges, legacy):
    added = [added_token(i, s) for i, s in enumerate(SPECIALS)]
    model = {"type": "BPE", "dropout": None, "unk_token": "<unk>",
             "continuing_subword_prefix": None, "end_of_word_suffix": None,
             "fuse_unk": True, "byte_fallback": True}
    if legacy:
        model["vocab"] = vocab
        model["merges"] = ["%s %s" % m for m in merges]
        normalizer = {"type": "Sequence", "normalizers": [
            {"type": "Prepend", "prepend": SPACE},
            {"type": "Replace", "pattern": {"String": " "}, "content": SPACE}]}
        pre_tokenizer = None
    else:
        added.append(added_token(len(vocab), "<image>"))
        model["ignore_merges"] = False
        model["vocab"] = vocab
        model["merges"] = [list(m) for m in merges]
        normalizer = None
        pre_tokenizer = {"type": "Metaspace", "replacement": SPACE, "prepend_scheme": "first",
                         "split": False}
    return {"version": "1.0", "truncation": None, "padding": None, "added_tokens": added,
            "normalizer": normalizer, "pre_tokenizer": pre_tokenizer,
            "post_processor": template(vocab["<s>"]), "decoder": LLAMA_DECODER, "model": model}


def tokenizer_config(legacy, added):
    decoder = {str(i): {k: v for k, v in added_token(i, s).items() if k != "id"}
               for i, s in added}
    return {"add_bos_token": True, "add_eos_token": False, "added_tokens_decoder": decoder,
            "bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "pad_token": None,
            "clean_up_tokenization_spaces": False, "legacy": legacy,
            "model_max_length": 2048, "sp_model_kwargs": {},
            "tokenizer_class": "LlamaTokenizer"}


# ---------------------------------------------------------------- expected ids

def split_added(text, added):
    """Leftmost-longest split on the added tokens: [(text, offset, is_added)]."""
    out, done, pos = [], 0, 0
    by_length = sorted(added, key=len, reverse=True)
    while pos < len(text):
        match = next((t for t in by_length if text.startswith(t, pos)), None)
        if match is None:
            pos += 1
            continue
        if pos > done:
            out.append((text[done:pos], done, False))
        out.append((match, pos, True))
        pos = done = pos + len(match)
    if done < len(text):
        out.append((text[done:], done, False))
    return out


class Expectation:
    def __init__(self, sp, sp_plain, added_ids, vocab, merges):
        self.sp = sp              # LLaMA's model: dummy prefix on
        self.sp_plain = sp_plain  # the same model with no dummy prefix
        self.added = added_ids    # content -> id
        self.vocab = vocab
        # tokenizers keeps the last rank of a repeated pair (a HashMap); there are none here.
        self.ranks = {(vocab[a], vocab[b]): (rank, vocab[a + b])
                      for rank, (a, b) in enumerate(merges)}

    def encode_word(self, word):
        """sentencepiece's ids for text that is already normalized. The fixture must not hinge
        on a tie that tokenizers' ranks and sentencepiece's scores break differently, so the
        rank-based BPE of tokenizer.json has to agree."""
        ids = self.sp_plain.encode(word)
        assert rank_bpe(word, self.vocab, self.ranks) == ids, word
        return ids

    def legacy(self, text):
        ids = []
        for piece, _, is_added in split_added(text, self.added):
            if is_added:
                ids.append(self.added[piece])
                continue
            direct = self.sp.encode(piece)
            via_plain = self.encode_word(SPACE + piece.replace(" ", SPACE))
            assert direct == via_plain, (text, direct, via_plain)
            ids += direct
        return ids

    def metaspace(self, text, scheme, split):
        ids = []
        for piece, offset, is_added in split_added(text, self.added):
            if is_added:
                ids.append(self.added[piece])
                continue
            normalized = piece.replace(" ", SPACE)
            prepend = scheme == "always" or (scheme == "first" and offset == 0)
            if prepend and not normalized.startswith(SPACE):
                normalized = SPACE + normalized
            words = [normalized]
            if split:
                words = [w for w in normalized.replace(SPACE, "\0" + SPACE).split("\0") if w]
            for word in words:
                ids += self.encode_word(word)
        return ids


def rank_bpe(text, vocab, ranks):
    """tokenizers' BPE on one word: byte fallback per character, then the best-ranked merge,
    leftmost among equals, until none applies."""
    ids = []
    for ch in text:
        if ch in vocab:
            ids.append(vocab[ch])
        else:
            ids += [vocab["<0x%02X>" % b] for b in ch.encode("utf-8")]
    while True:
        best = None
        for i in range(len(ids) - 1):
            rule = ranks.get((ids[i], ids[i + 1]))
            if rule and (best is None or rule[0] < best[0]):
                best = (rule[0], i, rule[1])
        if best is None:
            return ids
        _, i, new_id = best
        ids[i:i + 2] = [new_id]


def test_strings(rng):
    fixed = [
        "", " ", "  ", "   ", "\n", "\n\n", "\t", " \n ", "\r\n",
        "Hello world", "Hello  world", "Hello   world", " Hello", "  Hello", "Hello ", "Hello  ",
        "hello world.", "What colour is the sky?", "What colour is the sky? blue",
        "USER: What colour is the heart? ASSISTANT: red",
        "line one\nline two\n\nline four", "tab\tseparated\tvalues", "\tindented",
        "    return x[3] * 2;", "        deeply  indented\n    code",
        "12345", "3.14159", "2024-01-01", "call 555-0199 now", "1 2 3 4 5", "9999999999",
        "你好世界", "天空是蓝色的。", "こんにちは世界", "안녕하세요", "中文 and English 混合",
        "😀", "😀😀", "👍🏽", "👨‍👩‍👧", "I ❤️ Paris 🌍", "🚀 launch ✨",
        "café", "Straße", "Mädchen über grün", "niño mañana", "élève été très bien",
        "e\u0301", "ζ", "Ω ß € ☃ 龍", "∑ ∫ √ ∞", "Ω", "𝔘𝔫𝔦𝔎𝔈",
        SPACE, SPACE + SPACE + "x", "a" + SPACE + "b", SPACE + "Hello", "<0x41>", "<0x0A>",
        "<s>", "</s>", "<unk>", "<s>Hello", "<s> Hello", "Hello <s>.", "Hello</s>", "</s></s>",
        "a<unk>b", "<s><s>", " <s>", "<s> ", "<s>  x", "x <s> y </s> z",
        "<image>", "<image>\nWhat is this?", "USER: <image>\nWhat colour? ASSISTANT:",
        "USER: <image> blue", "<image><image>", " <image>", "<image> ", "a<image>b",
        "<im", "<imag", "image>", "<<image>>",
        "!!!", "...", "?!", "---", "(parenthesised)", "\"quoted\"", "'single'", "a,b;c:d",
        "x[0] = y{1} | z", "path/to/file.txt", "user@example.com", "https://example.org/a?b=c",
        "The quick brown fox jumps over the lazy dog.", "THE LOUD SKY", "camelCaseWords",
        "snake_case_words", "mixed123numbers456", "ALL 4 ONE", "end.", " leading and trailing ",
    ]
    pool = (WORDS_EN + WORDS_FR + PHRASES_ZH + EMOJI + ["ζ", "Ω", "\n", "\t", "<s>", "</s>",
                                                         "<image>", "  ", "42", "7", ".", "?"])
    randoms = []
    while len(randoms) < 100:
        parts = [rng.choice(pool) for _ in range(rng.randint(1, 8))]
        joiners = [rng.choice(["", " ", " ", " ", "  ", "\n"]) for _ in parts]
        text = "".join(j + p for j, p in zip(joiners, parts))
        if text not in randoms and text not in fixed:
            randoms.append(text)
    return fixed + randoms


def main():
    model = train_model()
    sp = spm.SentencePieceProcessor(model_proto=model)
    sp_plain = spm.SentencePieceProcessor(model_proto=without_dummy_prefix(model))
    assert sp.id_to_piece(0) == "<unk>" and sp.id_to_piece(1) == "<s>" and sp.id_to_piece(2) == "</s>"
    vocab, merges = vocab_and_merges(sp)
    image_id = len(vocab)

    os.makedirs(os.path.join(OUT, "legacy"), exist_ok=True)
    os.makedirs(os.path.join(OUT, "metaspace"), exist_ok=True)
    with open(os.path.join(OUT, "tokenizer.model"), "wb") as f:
        f.write(model)

    def dump(path, value):
        with open(os.path.join(OUT, path), "w", encoding="utf-8") as f:
            json.dump(value, f, ensure_ascii=False, separators=(",", ":"))
            f.write("\n")

    specials = list(enumerate(SPECIALS))
    dump("legacy/tokenizer.json", tokenizer_json(vocab, merges, legacy=True))
    dump("legacy/tokenizer_config.json", tokenizer_config(True, specials))
    dump("metaspace/tokenizer.json", tokenizer_json(vocab, merges, legacy=False))
    dump("metaspace/tokenizer_config.json",
         tokenizer_config(False, specials + [(image_id, "<image>")]))

    strings = test_strings(random.Random(2))
    plain = {s: i for i, s in enumerate(SPECIALS)}
    with_image = dict(plain, **{"<image>": image_id})
    legacy = Expectation(sp, sp_plain, plain, vocab, merges)
    legacy_image = Expectation(sp, sp_plain, with_image, vocab, merges)

    variants = {
        "legacy": [legacy.legacy(s) for s in strings],
        "legacy_image": [legacy_image.legacy(s) for s in strings],
        "metaspace_first": [legacy_image.metaspace(s, "first", False) for s in strings],
        "metaspace_first_split": [legacy_image.metaspace(s, "first", True) for s in strings],
        "metaspace_always": [legacy_image.metaspace(s, "always", False) for s in strings],
        "metaspace_never": [legacy_image.metaspace(s, "never", False) for s in strings],
    }

    base = variants["legacy"]
    expected = {
        "vocab_size": len(vocab),
        "image_id": image_id,
        "strings": strings,
        "ids": {name: (ids if name == "legacy" else
                       [None if a == b else a for a, b in zip(ids, base)])
                for name, ids in variants.items()},
        # sentencepiece's pieces for a few words the tests name
        "pieces": {w: sp.encode(w, out_type=str) for w in ["blue", "Hello world", "ζ"]},
    }
    dump("expected.json", expected)

    total = 0
    for root, _, files in os.walk(OUT):
        for name in files:
            total += os.path.getsize(os.path.join(root, name))
    print("wrote %s: %d pieces, %d merges, %d strings, %d bytes in all"
          % (OUT, len(vocab), len(merges), len(strings), total))
    for name, ids in expected["ids"].items():
        if name != "legacy":
            print("  %s: %d strings differ from legacy" % (name, sum(i is not None for i in ids)))


if __name__ == "__main__":
    sys.exit(main())
