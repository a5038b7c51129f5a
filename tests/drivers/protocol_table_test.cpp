// The protocol list (protocols/protocol_family.hpp) is the only place a protocol name is
// written: for every family, each layer's part of its row exists and carries the same name.
#include <gtest/gtest.h>

#include <string>

#include "vigil/drivers/line_settings.hpp"
#include "vigil/drivers/session_protocol.hpp"
#include "vigil/drivers/sim/device_model.hpp"
#include "vigil/protocols/registry.hpp"

namespace vigil::drivers {
namespace {

using protocols::kProtocolFamilies;
using protocols::protocol_name;

TEST(ProtocolTable, EveryFamilyHasADecoderLineSettingsSessionAndSimulatorThatAgree) {
  for (const auto family : kProtocolFamilies) {
    const std::string_view name = protocol_name(family);
    SCOPED_TRACE(std::string(name));
    EXPECT_EQ(protocols::protocol_from_name(name), family);

    const auto decoder = protocols::make_decoder(family);
    ASSERT_NE(decoder, nullptr);
    EXPECT_EQ(decoder->protocol(), name);
    EXPECT_NE(protocols::make_decoder(name), nullptr);

    const auto line = line_settings_for(name);
    ASSERT_TRUE(line.has_value());
    EXPECT_EQ(describe(*line), describe(line_settings_for(family)));

    const auto session = session_protocol_for(name);
    ASSERT_TRUE(session.has_value());
    EXPECT_EQ(session->protocol, name);
    EXPECT_EQ(session->handshake, session_protocol_for(family).handshake);

    const auto model = sim::make_device_model(family);
    ASSERT_NE(model, nullptr);
    EXPECT_EQ(model->protocol(), name);
    EXPECT_NE(sim::make_device_model(name), nullptr);
  }
}

// Every name list a user sees is the family list, in the same order.
TEST(ProtocolTable, NameListsAreTheFamilyList) {
  const auto decoded = protocols::protocol_names();
  const auto simulated = sim::simulated_device_names();
  ASSERT_EQ(decoded.size(), kProtocolFamilies.size());
  ASSERT_EQ(simulated.size(), kProtocolFamilies.size());
  for (std::size_t i = 0; i < kProtocolFamilies.size(); ++i) {
    EXPECT_EQ(decoded[i], protocol_name(kProtocolFamilies[i]));
    EXPECT_EQ(simulated[i], protocol_name(kProtocolFamilies[i]));
  }
}

TEST(ProtocolTable, UnknownNamesHaveNoRow) {
  EXPECT_EQ(protocols::protocol_from_name("philips-mib"), std::nullopt);
  EXPECT_EQ(protocols::make_decoder("philips-mib"), nullptr);
  EXPECT_EQ(line_settings_for("philips-mib"), std::nullopt);
  EXPECT_EQ(session_protocol_for("philips-mib"), std::nullopt);
  EXPECT_EQ(sim::make_device_model("philips-mib"), nullptr);
}

}  // namespace
}  // namespace vigil::drivers
