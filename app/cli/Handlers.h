#pragma once
// The subcommands' handlers. Each turns parsed options into an engine call and
// prints the result; none holds logic of its own.

#include "Command.h"

namespace unike::cli {

int handleAsk(const ParsedArgs& args, CommandContext& context);
int handleForward(const ParsedArgs& args, CommandContext& context);
int handleTokenize(const ParsedArgs& args, CommandContext& context);
int handleEdit(const ParsedArgs& args, CommandContext& context);
int handleEval(const ParsedArgs& args, CommandContext& context);
int handlePrepare(const ParsedArgs& args, CommandContext& context);
int handleStates(const ParsedArgs& args, CommandContext& context);
int handleTsne(const ParsedArgs& args, CommandContext& context);
int handlePca(const ParsedArgs& args, CommandContext& context);
int handleTrainDemo(const ParsedArgs& args, CommandContext& context);
int handleMakeBench(const ParsedArgs& args, CommandContext& context);
int handleMakeRandomModel(const ParsedArgs& args, CommandContext& context);
int handleBench(const ParsedArgs& args, CommandContext& context);

} // namespace unike::cli
