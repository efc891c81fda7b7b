#include "Command.h"
#include "Handlers.h"

namespace unike::cli {
namespace {

OptionSpec flag(std::string name, std::string help, char shortName = 0) {
    OptionSpec spec;
    spec.name = std::move(name);
    spec.help = std::move(help);
    spec.shortName = shortName;
    return spec;
}

OptionSpec option(std::string name, std::string valueName, std::string help,
                  std::string defaultValue = {}) {
    OptionSpec spec;
    spec.name = std::move(name);
    spec.valueName = std::move(valueName);
    spec.help = std::move(help);
    spec.defaultValue = std::move(defaultValue);
    return spec;
}

OptionSpec required(OptionSpec spec) {
    spec.required = true;
    return spec;
}

OptionSpec repeatable(OptionSpec spec) {
    spec.repeatable = true;
    return spec;
}

OptionSpec modelOption() {
    return option("model", "DIR", "model folder in Hugging Face format", "the embedded demo model");
}

OptionSpec deviceOption() {
    return option("device", "DEV", "cpu, cuda, cuda:N or auto", "auto");
}

OptionSpec dtypeOption() {
    return option("dtype", "T", "float32, or float16/bfloat16 on CUDA", "auto");
}

std::vector<Command> buildCommands() {
    std::vector<Command> commands;

    commands.push_back(
        {"ask",
         "answer a question about an image, with token probabilities",
         "unike ask --image FILE --question TEXT [options]",
         "Generates the model's answer and prints each token with its probability "
         "and the top-k alternatives. --score also scores a given answer under "
         "teacher forcing.",
         {required(option("image", "FILE", "image to ask about")),
          required(option("question", "TEXT", "the question")), modelOption(), deviceOption(),
          dtypeOption(), option("top-k", "N", "alternatives per token", "5"),
          option("max-new-tokens", "N", "generation length limit", "16"),
          option("beams", "N", "beam search width (1: greedy)", "1"),
          option("score", "TEXT", "also score this answer under teacher forcing"),
          flag("raw-prompt", "use the question as the prompt, without the "
                             "'Question: ... Short answer:' template"),
          flag("no-cache", "decode without the KV cache"), flag("json", "print JSON")},
         false,
         handleAsk});

    commands.push_back({"forward",
                        "teacher-forced forward pass on saved tensors (parity check)",
                        "unike forward --inputs IN.safetensors --out OUT.safetensors [options]",
                        "Runs the model on pixel_values, input_ids and attention_mask read from "
                        "a safetensors file and writes the logits (and, with --hidden, the "
                        "hidden state entering each decoder layer as lm_hidden_state_{i}).",
                        {required(option("inputs", "FILE", "safetensors with the input tensors")),
                         required(option("out", "FILE", "safetensors file to write")),
                         modelOption(), deviceOption(), dtypeOption(),
                         flag("hidden", "also write each decoder layer's input hidden state")},
                        false,
                        handleForward});

    commands.push_back(
        {"tokenize",
         "print the token ids of text, one line per input line",
         "unike tokenize [--model DIR] [--file F] [TEXT...]",
         "Tokenizes each positional TEXT, or each line of --file (or of stdin "
         "when neither is given). DIR may hold only the tokenizer files.",
         {modelOption(), option("file", "F", "read lines from this file"),
          flag("no-special", "leave out BOS and other added tokens"), flag("json", "print JSON")},
         true,
         handleTokenize});

    commands.push_back({"edit",
                        "apply knowledge edits and show answers before and after",
                        "unike edit --image FILE --question TEXT --target TEXT [options]\n"
                        "       unike edit --edits EDITS.json [options]",
                        "Applies one edit, or a JSON list of edits, with the chosen method and "
                        "prints the answer before and after on the edit, its rephrasings and a "
                        "few locality probes.",
                        {option("image", "FILE", "the edit's image"),
                         option("question", "TEXT", "the edit prompt"),
                         option("target", "TEXT", "the answer the model should give"),
                         repeatable(option("rephrase", "TEXT", "a rephrased prompt to check")),
                         option("edits", "FILE", "JSON list of edits"),
                         option("method", "M",
                                "ft, ike, tpatcher, latent-ike, intrinsic+ike, "
                                "intrinsic+latent-ike or unike",
                                "unike"),
                         option("hparams", "FILE", "JSON file of hyperparameters"),
                         repeatable(option("set", "KEY=VALUE", "override one hyperparameter")),
                         repeatable(option("loc", "TEXT", "a text-only locality probe to compare")),
                         option("save", "FILE", "write the session to FILE"), modelOption(),
                         deviceOption(), dtypeOption(), flag("json", "print JSON")},
                        false,
                        handleEdit});

    commands.push_back({"eval",
                        "evaluate an editing method on MMEdit-format data",
                        "unike eval --data DIR --task vqa|caption|cross --method M [options]",
                        "Edits every case of the eval split under a protocol and reports "
                        "Reliability, T-/M-Generality and T-/M-Locality (0-100).",
                        {required(option("data", "DIR", "MMEdit-format data folder")),
                         option("task", "T", "vqa, caption or cross", "vqa"),
                         option("method", "M", "an editor name, or none", "unike"),
                         option("protocol", "P", "one-step or seq:K", "one-step"),
                         option("limit", "N", "evaluate at most N edits"),
                         option("out", "FILE", "write report.json here"),
                         option("csv", "FILE", "write the per-case CSV here"),
                         option("hparams", "FILE", "JSON file of hyperparameters"),
                         repeatable(option("set", "KEY=VALUE", "override one hyperparameter")),
                         modelOption(), deviceOption(), dtypeOption()},
                        false,
                        handleEval});

    commands.push_back({"prepare",
                        "build the knowledge bank and train the UniKE encoders",
                        "unike prepare [--model DIR] [--data DIR] [options]",
                        "Collects triplet hidden states from a training split, builds the "
                        "knowledge bank and trains the semantic and truthfulness encoders. The "
                        "result is cached, keyed by the model and the data.",
                        {modelOption(), option("data", "DIR", "MMEdit-format training data"),
                         option("limit", "N", "use at most N triplets"),
                         option("epochs", "N", "encoder training epochs", "30"),
                         option("lr", "X", "the encoders' Adam learning rate", "1e-4"),
                         option("cache", "DIR",
                                "where the artefact goes (default: beside the model, else "
                                "the user's cache)"),
                         flag("force", "rebuild even when a cached artefact exists"),
                         deviceOption(), dtypeOption()},
                        false,
                        handlePrepare});

    commands.push_back(
        {"states",
         "capture hidden states of a dataset's rows",
         "unike states --data DIR --out FILE [options]",
         "Captures the hidden states the method uses for each eval case's rows "
         "(edit, rephrase, image-rephrase, text-locality, image-locality, positive, "
         "negative), tagged by role and edit, and writes them as safetensors plus "
         "FILE.csv of tags. The semantic and truthfulness spaces need a prepared model.",
         {required(option("data", "DIR", "MMEdit-format data folder")),
          required(option("out", "FILE", "safetensors file to write")),
          option("task", "T", "vqa or caption", "vqa"),
          option("layer", "L", "decoder layer", "the top edited layer"),
          option("space", "S", "raw, semantic or truthfulness", "raw"),
          option("session", "FILE", "load this session and capture before and after its edits"),
          option("limit", "N", "capture at most N edit cases"), modelOption(), deviceOption(),
          flag("json", "print a JSON summary")},
         false,
         handleStates});

    commands.push_back(
        {"tsne",
         "embed points in 2-D with t-SNE",
         "unike tsne --in FILE --out FILE.csv [options]",
         "Reads states written by `unike states` or a headerless CSV (.csv) and "
         "writes a 2-D embedding; prints the KL divergence. 'auto' uses the exact "
         "gradient on CUDA for up to 5000 points and Barnes-Hut otherwise.",
         {required(option("in", "FILE", "states file or CSV")),
          required(option("out", "FILE", "CSV to write")),
          option("perplexity", "P", "perplexity", "30"), option("iters", "N", "iterations", "1000"),
          option("seed", "S", "random seed (for --init random)", "0"),
          option("method", "M", "auto, exact, approx or pca", "auto"),
          option("init", "I", "pca or random", "pca"), deviceOption(),
          flag("json", "print a JSON summary")},
         false,
         handleTsne});

    commands.push_back({"pca",
                        "project points onto their principal components",
                        "unike pca --in FILE --out FILE.csv [options]",
                        "Reads states written by `unike states` or a headerless CSV and "
                        "writes the projection onto the leading principal components.",
                        {required(option("in", "FILE", "states file or CSV")),
                         required(option("out", "FILE", "CSV to write")),
                         option("components", "N", "number of components", "2"),
                         flag("json", "print a JSON summary")},
                        false,
                        handlePca});

    commands.push_back(
        {"train-demo",
         "train the small demo model on the synthetic world",
         "unike train-demo --out DIR [options]",
         "Builds a tiny BLIP-2 (OPT) or LLaVA (CLIP + LLaMA) model and trains it from "
         "scratch on the CPU, writing a Hugging Face-format folder.",
         {required(option("out", "DIR", "folder to write the model to")),
          option("family", "NAME", "the model family: blip-2 or llava", "blip-2"),
          option("minutes", "M", "training time budget", "25"),
          option("seed", "S", "random seed (the world's, unless --world)", "1"),
          option("world", "FILE", "train on this world.json instead"),
          option("steps", "N", "stop after N steps (0: the time budget)", "0"),
          option("batch", "N", "batch size", "32"),
          option("vision-warmup-minutes", "M",
                 "first train the vision side alone on the aux heads (part of "
                 "--minutes; by default at most half of it, none with --steps)",
                 "8"),
          option("warmup-shape-weight", "W",
                 "weight of the shape slots among the warm-up's aux losses", "1"),
          option("image-first-minutes", "M", "then full steps on image samples only", "3"),
          option("vision-lr-scale", "X",
                 "the ViT's learning rate after the warm-up, relative to the rest's", "1"),
          option("patch", "N", "the ViT's patch size in pixels (48 px images)", "12"),
          option("vision-layers", "N", "the ViT's transformer layers", "2"),
          option("object-counts", "A,B,C",
                 "weights of plain scenes with one, two and three objects", "0.5,0.35,0.15"),
          option("task-mix", "P,K,C,T", "shares of perception, knowledge, caption and text samples",
                 "0.4,0.25,0.2,0.15"),
          flag("object-queries", "the aux heads read each object from its own image queries"),
          flag("object-tokens",
               "with --object-queries: every query of an object's group names its attributes"),
          flag("object-words", "with --object-queries: the aux heads of the objects' attributes "
                               "are the decoder's embeddings of the answer words"),
          flag("object-regions",
               "LLaVA: the aux heads read each object from the patches it covers"),
          option("object-attention", "W",
                 "with --object-queries or --object-regions: weight of a loss pointing one "
                 "decoder head per layer at the asked object's image tokens",
                 "0"),
          flag("no-prefetch", "draw each batch between steps, not on a second thread"),
          option("in-context-share", "P",
                 "share of samples with a \"New Fact\" line before the prompt", "0")},
         false,
         handleTrainDemo});

    commands.push_back(
        {"make-bench",
         "generate the synthetic MMEdit-format benchmark",
         "unike make-bench --out DIR [options]",
         "Writes vqa_train.json, vqa_eval.json, caption_train_edit.json, "
         "caption_eval_edit.json and an images/ folder. The same seed gives "
         "byte-identical output.",
         {required(option("out", "DIR", "folder to write")),
          option("seed", "S", "random seed", "1"), option("vqa", "N", "VQA eval edits", "500"),
          option("caption", "N", "caption eval edits", "300"),
          option("train", "N", "training records (also the UniKE triplets)", "3000"),
          option("world", "FILE", "the world.json to draw from", "the demo model's"),
          flag("gallery", "write the Studio's sample images instead")},
         false,
         handleMakeBench});

    commands.push_back(
        {"make-random-model",
         "write a model of a real size with random weights",
         "unike make-random-model --out DIR [--config NAME] [options]",
         "Writes config.json, safetensors shards and the demo tokenizer, so loading, "
         "preparation and editing can be timed at sizes no checkpoint here has: "
         "blip2-opt-2.7b is BLIP-2's ViT-g and Q-Former with 32 OPT layers of width 2560; "
         "llava-1.5-7b is CLIP ViT-L/14-336 with LLaMA-7B. LLaVA shapes get the demo tokenizer "
         "with an <image> token added.",
         {required(option("out", "DIR", "folder to write")),
          option("config", "NAME",
                 "tiny, demo, blip2-opt-2.7b, llava-tiny, llava-demo or llava-1.5-7b",
                 "blip2-opt-2.7b"),
          option("seed", "S", "random seed", "1"),
          option("storage", "T", "float16 or float32 on disk", "float16")},
         false,
         handleMakeRandomModel});

    commands.push_back({"bench",
                        "run a speed benchmark and print JSON",
                        "unike bench model|demo|edit|tsne [options]",
                        "Measures the named part on this machine and prints JSON. 'model': load, "
                        "preprocessing, prefill and decode latency, memory. 'demo': the demo "
                        "model's accuracy on held-out world items and, with --data, on the "
                        "benchmark's edit cases before editing.",
                        {modelOption(), deviceOption(), dtypeOption(),
                         option("random-config", "NAME",
                                "benchmark random weights instead: tiny, demo, blip2-opt-2.7b, "
                                "llava-tiny, llava-demo or llava-1.5-7b"),
                         option("repeat", "N", "timed repetitions (the median is reported)", "10"),
                         option("tokens", "N", "tokens generated per decode measurement", "16"),
                         option("data", "DIR", "demo: an MMEdit-format benchmark folder"),
                         option("samples", "N", "demo: held-out samples per task", "200"),
                         option("mistakes", "DIR",
                                "demo: write the wrong answers (mistakes.csv) and their images"),
                         option("limit", "N", "demo and edit: at most N edit cases"),
                         repeatable(option("method", "M", "edit: a method to time (repeatable)"))},
                        true,
                        handleBench});
    return commands;
}

} // namespace

const std::vector<Command>& allCommands() {
    static const std::vector<Command> commands = buildCommands();
    return commands;
}

const std::vector<OptionSpec>& commonOptions() {
    static const std::vector<OptionSpec> options = {
        flag("help", "show this help", 'h'),
        flag("verbose", "log more to stderr (info; twice for debug)", 'v'),
        flag("quiet", "log only errors to stderr", 'q'),
        option("threads", "N", "compute threads (0: half the cores, at least one)", "0"),
    };
    return options;
}

} // namespace unike::cli
