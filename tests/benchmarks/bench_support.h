#pragma once
// What bench_reading_entry needs beside the app benchmarks' generated plant
// (generated_campaign_plant.h): the median, the options, a project file made of a plant.

#include "model/plant.h"

#include <random>
#include <string>

namespace shuiheng::bench {

} // namespace shuiheng::bench
