#include "meter_route.h"

#include "campaign/meter_route.h"
#include "qt_text.h"

QString meterLocation(const shuiheng::Plant& plant, const shuiheng::Meter& meter) {
    return toQString(shuiheng::meterLocationText(plant, meter));
}
