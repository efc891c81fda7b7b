#pragma once
// A small, strict command-line parser for the `unike` tool: GNU-style long options
// (--name value, --name=value), short flags (-v), and positional arguments.
// Unknown options and missing values are usage errors (exit code 2).

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace unike::cli {

struct OptionSpec {
    std::string name;      // long name without dashes: "image"
    char shortName = 0;    // 'v', or 0 for none
    std::string valueName; // "FILE"; empty for a flag
    std::string help;
    std::string defaultValue; // shown in help; empty for none
    bool required = false;
    bool repeatable = false;
};

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class ParsedArgs {
public:
    bool has(const std::string& name) const;
    std::string value(const std::string& name, const std::string& fallback = {}) const;
    std::vector<std::string> values(const std::string& name) const;
    // Typed accessors throw UsageError naming the option when the text is not a number.
    int intValue(const std::string& name, int fallback) const;
    double doubleValue(const std::string& name, double fallback) const;
    // A comma-separated list of numbers ("0.5,0.35,0.15"); empty when the option is absent.
    std::vector<double> doubleList(const std::string& name) const;
    const std::vector<std::string>& positionals() const { return positionals_; }

    void add(const std::string& name, const std::string& value);
    void addPositional(const std::string& value) { positionals_.push_back(value); }

private:
    std::map<std::string, std::vector<std::string>> values_;
    std::vector<std::string> positionals_;
};

// Parses args (without the program and subcommand names) against specs.
// Throws UsageError with a one-line message.
ParsedArgs parseOptions(const std::vector<OptionSpec>& specs, const std::vector<std::string>& args,
                        bool allowPositionals);

// Renders an options table for --help.
std::string formatOptions(const std::vector<OptionSpec>& specs);

} // namespace unike::cli
