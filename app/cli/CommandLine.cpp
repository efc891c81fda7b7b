#include "CommandLine.h"

#include <algorithm>
#include <sstream>

namespace unike::cli {
namespace {

const OptionSpec* findLong(const std::vector<OptionSpec>& specs, const std::string& name) {
    auto it = std::find_if(specs.begin(), specs.end(),
                           [&](const OptionSpec& s) { return s.name == name; });
    return it == specs.end() ? nullptr : &*it;
}

const OptionSpec* findShort(const std::vector<OptionSpec>& specs, char name) {
    auto it = std::find_if(specs.begin(), specs.end(),
                           [&](const OptionSpec& s) { return s.shortName == name; });
    return it == specs.end() ? nullptr : &*it;
}

} // namespace

bool ParsedArgs::has(const std::string& name) const {
    return values_.count(name) > 0;
}

std::string ParsedArgs::value(const std::string& name, const std::string& fallback) const {
    auto it = values_.find(name);
    return it == values_.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> ParsedArgs::values(const std::string& name) const {
    auto it = values_.find(name);
    return it == values_.end() ? std::vector<std::string>{} : it->second;
}

int ParsedArgs::intValue(const std::string& name, int fallback) const {
    if (!has(name))
        return fallback;
    const std::string text = value(name);
    try {
        size_t used = 0;
        const int parsed = std::stoi(text, &used);
        if (used == text.size())
            return parsed;
    } catch (const std::exception&) {
    }
    throw UsageError("--" + name + " expects a whole number, got '" + text + "'");
}

double ParsedArgs::doubleValue(const std::string& name, double fallback) const {
    if (!has(name))
        return fallback;
    const std::string text = value(name);
    try {
        size_t used = 0;
        const double parsed = std::stod(text, &used);
        if (used == text.size())
            return parsed;
    } catch (const std::exception&) {
    }
    throw UsageError("--" + name + " expects a number, got '" + text + "'");
}

std::vector<double> ParsedArgs::doubleList(const std::string& name) const {
    std::vector<double> numbers;
    if (!has(name))
        return numbers;
    const std::string text = value(name);
    size_t start = 0;
    while (start <= text.size()) {
        const size_t comma = std::min(text.find(',', start), text.size());
        const std::string item = text.substr(start, comma - start);
        try {
            size_t used = 0;
            numbers.push_back(std::stod(item, &used));
            if (used != item.size())
                throw std::invalid_argument(item);
        } catch (const std::exception&) {
            throw UsageError("--" + name + " expects numbers separated by commas, got '" + text +
                             "'");
        }
        start = comma + 1;
    }
    return numbers;
}

void ParsedArgs::add(const std::string& name, const std::string& value) {
    values_[name].push_back(value);
}

ParsedArgs parseOptions(const std::vector<OptionSpec>& specs, const std::vector<std::string>& args,
                        bool allowPositionals) {
    ParsedArgs parsed;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--") {
            for (++i; i < args.size(); ++i) {
                if (!allowPositionals)
                    throw UsageError("unexpected argument '" + args[i] + "'");
                parsed.addPositional(args[i]);
            }
            break;
        }
        const OptionSpec* spec = nullptr;
        std::string inlineValue;
        bool hasInline = false;
        if (arg.rfind("--", 0) == 0) {
            std::string name = arg.substr(2);
            if (auto eq = name.find('='); eq != std::string::npos) {
                inlineValue = name.substr(eq + 1);
                name = name.substr(0, eq);
                hasInline = true;
            }
            spec = findLong(specs, name);
            if (!spec)
                throw UsageError("unknown option '--" + name + "'");
        } else if (arg.size() == 2 && arg[0] == '-' && arg[1] != '-') {
            spec = findShort(specs, arg[1]);
            if (!spec)
                throw UsageError("unknown option '" + arg + "'");
        } else {
            if (!allowPositionals)
                throw UsageError("unexpected argument '" + arg + "'");
            parsed.addPositional(arg);
            continue;
        }
        if (!spec->repeatable && !spec->valueName.empty() && parsed.has(spec->name))
            throw UsageError("option '--" + spec->name + "' given more than once");
        if (spec->valueName.empty()) {
            if (hasInline)
                throw UsageError("option '--" + spec->name + "' takes no value");
            parsed.add(spec->name, "");
        } else if (hasInline) {
            parsed.add(spec->name, inlineValue);
        } else {
            if (i + 1 >= args.size())
                throw UsageError("option '--" + spec->name + "' needs a value (" + spec->valueName +
                                 ")");
            parsed.add(spec->name, args[++i]);
        }
    }
    for (const OptionSpec& spec : specs)
        if (spec.required && !parsed.has(spec.name))
            throw UsageError("missing required option '--" + spec.name + " " + spec.valueName +
                             "'");
    return parsed;
}

std::string formatOptions(const std::vector<OptionSpec>& specs) {
    std::vector<std::pair<std::string, std::string>> rows;
    size_t width = 0;
    for (const OptionSpec& spec : specs) {
        std::string left = spec.shortName ? std::string("-") + spec.shortName + ", " : "    ";
        left += "--" + spec.name;
        if (!spec.valueName.empty())
            left += " " + spec.valueName;
        std::string right = spec.help;
        if (spec.required)
            right += " (required)";
        if (!spec.defaultValue.empty())
            right += " [default: " + spec.defaultValue + "]";
        width = std::max(width, left.size());
        rows.emplace_back(left, right);
    }
    std::ostringstream out;
    for (const auto& [left, right] : rows)
        out << "  " << left << std::string(width - left.size() + 2, ' ') << right << '\n';
    return out.str();
}

} // namespace unike::cli
