#pragma once
// The hand-over of screen snapshots from the acquisition thread to the screen thread. The
// producer never waits for the screen: put() merges a new snapshot into the one still waiting
// (newest state, deltas appended), so a frozen or slow screen holds one merged snapshot, not a
// growing queue, and gets every pleth sample, trend point and marker it missed once it wakes up
// (within the builder's caps). put() returns true when the mailbox was empty: only then does the
// producer need to wake the screen, so at most one wake-up is ever outstanding.

#include <mutex>
#include <optional>

#include "screen_snapshot.hpp"

namespace vigil::station {

// Merges `next` into `pending`: pending takes next's state; pleth samples (same device), trend
// points and markers are appended.
void merge_snapshot(ScreenSnapshot& pending, ScreenSnapshot&& next);

class SnapshotMailbox {
 public:
  bool put(ScreenSnapshot&& snapshot);   // any thread; never blocks on the screen
  std::optional<ScreenSnapshot> take();  // any thread; empty when nothing waits
  std::uint64_t merged() const;          // snapshots merged into a waiting one so far

 private:
  mutable std::mutex mutex_;
  std::optional<ScreenSnapshot> pending_;
  std::uint64_t merged_ = 0;
};

}  // namespace vigil::station
