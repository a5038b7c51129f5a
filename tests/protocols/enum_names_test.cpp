// Every named enum of protocols: each enumerator has a name, names are unique and read back.
#include <gtest/gtest.h>

#include "support/enum_round_trip.hpp"
#include "vigil/protocols/contec.hpp"
#include "vigil/protocols/decoder.hpp"
#include "vigil/protocols/nonin.hpp"
#include "vigil/protocols/suntech.hpp"

namespace vigil::protocols {
namespace {

template <typename E>
class ProtocolEnumNames : public ::testing::Test {};

using ProtocolNamedEnums = ::testing::Types<ReplyKind, NoninFormat, ContecCommand, SunTechCommand>;
TYPED_TEST_SUITE(ProtocolEnumNames, ProtocolNamedEnums);

TYPED_TEST(ProtocolEnumNames, EveryEnumeratorRoundTripsThroughItsName) {
  test::expect_names_round_trip<TypeParam>();
}

// Contec commands are wire codes (0xA1, ...), not 0, 1, 2: all eight are still found.
TEST(ProtocolEnumNames, SparseWireCodesAreAllNamed) {
  EXPECT_EQ(core::enum_count<ContecCommand>(), 8u);
  EXPECT_EQ(core::enum_values<ContecCommand>.front(), ContecCommand::start_live);
  EXPECT_EQ(contec_command_name(ContecCommand::notice), "notice");
}

}  // namespace
}  // namespace vigil::protocols
