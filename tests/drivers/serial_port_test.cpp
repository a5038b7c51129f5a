// Opens a real pseudo-terminal with Boost.Asio and a protocol's line settings, and moves bytes
// across it, as the device sessions will.
#include <gtest/gtest.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

#include <array>

#include "asio.hpp"
#include "serial_options.hpp"
#include "vigil/drivers/line_settings.hpp"

using namespace vigil::drivers;

namespace {
struct Pty {
  int master = -1;
  int slave = -1;
  std::array<char, 128> name{};
  Pty() { EXPECT_EQ(openpty(&master, &slave, name.data(), nullptr, nullptr), 0); }
  ~Pty() {
    if (master >= 0) close(master);
    if (slave >= 0) close(slave);
  }
};
}  // namespace

TEST(LineSettings, KnownProtocolsUseTheirDeviceFraming) {
  EXPECT_EQ(describe(*line_settings_for("nonin-df2")), "9600 8N1");
  EXPECT_EQ(describe(*line_settings_for("contec-legacy")), "19200 8O1");
  EXPECT_EQ(describe(*line_settings_for("contec-v7")), "115200 8N1");
  EXPECT_EQ(describe(*line_settings_for("ge-s5")), "19200 8E1 RTS/CTS");
  EXPECT_EQ(line_settings_for("philips-mib"), std::nullopt);
}

TEST(SerialPort, OpensPtyWithGeSettingsAndReadsDeviceBytes) {
  Pty pty;
  boost::asio::io_context io;
  boost::asio::serial_port port(io);
  boost::system::error_code ec;
  port.open(pty.name.data(), ec);
  ASSERT_FALSE(ec) << ec.message();
  ASSERT_FALSE(apply_line_settings(port, *line_settings_for("ge-s5")));

  termios t{};
  ASSERT_EQ(tcgetattr(port.native_handle(), &t), 0);
  EXPECT_EQ(cfgetispeed(&t), B19200);
  // Linux ptys force CS8 without parity whatever is asked (pty_set_termios), so parity can
  // only be checked on a real UART; the framing table above is what the port is given.
  EXPECT_EQ(t.c_cflag & CSIZE, static_cast<tcflag_t>(CS8));
  EXPECT_TRUE(t.c_cflag & CRTSCTS);

  const std::array<unsigned char, 5> frame{0x01, 0x81, 0x01, 0x00, 0x83};
  ASSERT_EQ(write(pty.master, frame.data(), frame.size()), 5);
  std::array<unsigned char, 16> got{};
  std::size_t n = boost::asio::read(port, boost::asio::buffer(got.data(), 5), ec);
  ASSERT_FALSE(ec) << ec.message();
  EXPECT_EQ(n, 5u);
  EXPECT_TRUE(std::equal(frame.begin(), frame.end(), got.begin()));
}
