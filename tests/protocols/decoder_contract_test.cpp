#include <gtest/gtest.h>

#include "vigil/protocols/decoder.hpp"

using namespace vigil::protocols;

TEST(DeviceReply, TextViewCoversOnlyTheWrittenBytes) {
  DeviceReply r;
  r.kind = ReplyKind::device_id;
  r.text[0] = 'A';
  r.text[1] = 'B';
  r.text_length = 2;
  EXPECT_EQ(r.text_view(), "AB");
  EXPECT_EQ(reply_kind_name(ReplyKind::measurement_done), "measurement_done");
}
