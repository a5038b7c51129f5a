#pragma once
// Acquisition load from drivers/sim simulators: N PtySimulators at real time (speed 1, normal
// scenario), round-robin over the given protocols, each on its own pty and thread, into one
// DeviceHub. Measures the acquisition thread's CPU and checks that every device kept up (frames
// decoded ~= frames the simulators sent at their protocol's rate).

#include <string>
#include <vector>

namespace vigil::bench {

// Returns the process exit code: 0 when the target was met (< 25 % of one core, every device
// kept up, no stream lost), 1 when not, 2 when the machine cannot host that many ptys or fds.
int run_sim_load(int streams, double seconds, const std::vector<std::string>& protocols);

}  // namespace vigil::bench
