#include "cli/benchmarking_commands.h"
namespace shuiheng::cli {
void addQuotasCommand(CLI::App&, int&) {}
} // namespace shuiheng::cli
