#pragma once
// Where the app finds the shipped reference data (quota tables in quotas/, leader rule sets in
// rules/), as the CLI does: $SHUIHENG_DATA_DIR, else share/shuiheng beside the program, else the
// build's data/ (a build inside the source tree).

#include <QString>

/// The directory holding quotas/ and rules/; empty when none is found.
QString shippedDataDir();

/// The user's Shuiheng folder: $XDG_DATA_HOME/shuiheng (~/.local/share/shuiheng), where the sample
/// project and the bureau's own quota tables live.
QString userDataDir();

/// The bureau's own quota tables: $SHUIHENG_QUOTA_LIBRARY, else $XDG_DATA_HOME/shuiheng/quotas
/// (~/.local/share/shuiheng/quotas), as `shuiheng-cli quotas` keeps them.
QString userQuotaDir();
