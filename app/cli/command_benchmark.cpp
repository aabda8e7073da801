#include "cli/benchmarking_commands.h"
namespace shuiheng::cli {
void addBenchmarkCommand(CLI::App&, int&) {}
} // namespace shuiheng::cli
