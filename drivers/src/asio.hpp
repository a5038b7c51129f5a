#pragma once
// The one place Boost.Asio is included. GCC 12 + Boost 1.74 in C++20 needs <utility> before
// Asio's awaitable header ("'exchange' is not a member of 'std'"). Keep Asio out of public
// headers: each file that includes it costs seconds of compile time.
#include <utility>

#include <boost/asio.hpp>
