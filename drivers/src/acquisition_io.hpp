#pragma once
// Internal: the io_context behind an AcquisitionThread (Asio users inside drivers/ only).

#include "asio.hpp"
#include "vigil/drivers/acquisition_thread.hpp"

namespace vigil::drivers {

boost::asio::io_context& io_context_of(AcquisitionThread& thread);

}  // namespace vigil::drivers
