#include "snapshot_mailbox.hpp"

#include <iterator>
#include <utility>

namespace vigil::station {
namespace {

// Caps that keep a long-frozen screen's mailbox bounded (newest kept): 60 s of 75 Hz pleth,
// ten minutes of 1 Hz trend points for five channels.
constexpr std::size_t kMaxPleth = 4500;
constexpr std::size_t kMaxTrend = 3000;
constexpr std::size_t kMaxMarkers = 500;

template <class T>
void append_capped(std::vector<T>& to, std::vector<T>&& from, std::size_t cap) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  if (to.size() > cap) to.erase(to.begin(), to.begin() + static_cast<long>(to.size() - cap));
}

}  // namespace

void merge_snapshot(ScreenSnapshot& pending, ScreenSnapshot&& next) {
  PlethBlock pleth = std::move(pending.pleth);
  auto trend = std::move(pending.trend);
  auto markers = std::move(pending.markers);
  if (pleth.device != next.pleth.device) pleth = PlethBlock{};
  append_capped(pleth.samples, std::move(next.pleth.samples), kMaxPleth);
  append_capped(trend, std::move(next.trend), kMaxTrend);
  append_capped(markers, std::move(next.markers), kMaxMarkers);
  next.pleth.samples = std::move(pleth.samples);
  next.trend = std::move(trend);
  next.markers = std::move(markers);
  pending = std::move(next);
}

bool SnapshotMailbox::put(ScreenSnapshot&& snapshot) {
  std::lock_guard lock(mutex_);
  if (pending_) {
    merge_snapshot(*pending_, std::move(snapshot));
    ++merged_;
    return false;
  }
  pending_.emplace(std::move(snapshot));
  return true;
}

std::optional<ScreenSnapshot> SnapshotMailbox::take() {
  std::lock_guard lock(mutex_);
  std::optional<ScreenSnapshot> out = std::move(pending_);
  pending_.reset();
  return out;
}

std::uint64_t SnapshotMailbox::merged() const {
  std::lock_guard lock(mutex_);
  return merged_;
}

}  // namespace vigil::station
