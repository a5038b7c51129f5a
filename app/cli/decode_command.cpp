// `vigilctl decode --protocol NAME [FILE]`: raw device bytes in, JSON Lines out.
#include <nlohmann/json.hpp>

#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>

#include "cli_commands.hpp"
#include "vigil/protocols/registry.hpp"

namespace vigil::cli {
namespace {

std::string valid_protocols() {
  std::string out;
  for (auto name : protocols::protocol_names()) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

// Whole numbers print as integers (97, not 97.0); others keep their shortest form (3.6).
nlohmann::ordered_json number(double v) {
  if (std::trunc(v) == v && std::abs(v) < 1e15) return static_cast<std::int64_t>(v);
  return v;
}

class JsonLinesSink : public protocols::DecoderSink {
 public:
  explicit JsonLinesSink(const protocols::Decoder& decoder) : decoder_(decoder) {}

  void on_reading(const core::Reading& r) override {
    nlohmann::ordered_json j;
    j["seq"] = seq();
    j["channel"] = core::channel_name(r.channel);
    j["value"] = r.value ? number(*r.value) : nlohmann::ordered_json(nullptr);
    j["unit"] = core::channel_unit(r.channel);
    auto flags = nlohmann::ordered_json::array();
    r.flags.for_each([&](core::ReadingFlag f) { flags.push_back(core::reading_flag_name(f)); });
    j["flags"] = std::move(flags);
    if (r.device_time_s) j["device_time"] = *r.device_time_s;
    emit(j);
  }

  void on_condition(const core::DeviceCondition& c) override {
    nlohmann::ordered_json j;
    j["seq"] = seq();
    j["condition"] = core::device_condition_name(c.kind);
    j["active"] = c.active;
    j["detail"] = std::string(c.detail);
    if (c.code) j["code"] = *c.code;
    emit(j);
  }

  void on_reply(const protocols::DeviceReply& r) override {
    nlohmann::ordered_json j;
    j["seq"] = seq();
    j["reply"] = protocols::reply_kind_name(r.kind);
    j["code"] = r.code;
    j["text"] = std::string(r.text_view());
    emit(j);
  }

 private:
  std::uint64_t seq() const { return decoder_.counters().frames - 1; }
  static void emit(const nlohmann::ordered_json& j) {
    // Device text may hold any byte: replace invalid UTF-8 rather than fail the stream.
    std::cout << j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  }
  const protocols::Decoder& decoder_;
};

struct DecodeOptions {
  std::string protocol;
  std::string file;  // empty = standard input
};

int run_decode(const DecodeOptions& o) {
  auto decoder = protocols::make_decoder(o.protocol);
  if (!decoder) {  // unreachable after validation, kept for safety
    std::cerr << "vigilctl: error: --protocol: unknown protocol '" << o.protocol << "'\n";
    return kExitUsage;
  }
  std::FILE* in = stdin;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> owned(nullptr, &std::fclose);
  if (!o.file.empty() && o.file != "-") {
    owned.reset(std::fopen(o.file.c_str(), "rb"));
    if (!owned) {
      std::cerr << "vigilctl: error: cannot read " << o.file << ": " << std::strerror(errno)
                << '\n';
      return kExitFailure;
    }
    in = owned.get();
  }

  JsonLinesSink sink(*decoder);
  std::array<std::uint8_t, 64 * 1024> buffer{};
  for (;;) {
    const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), in);
    if (n > 0) decoder->feed(std::span(buffer.data(), n), sink);
    if (n < buffer.size()) {
      if (std::ferror(in)) {
        std::cerr << "vigilctl: error: cannot read " << (o.file.empty() ? "standard input" : o.file)
                  << ": " << std::strerror(errno) << '\n';
        return kExitFailure;
      }
      break;
    }
  }
  decoder->finish(sink);  // a file is a complete capture
  const auto& c = decoder->counters();
  nlohmann::ordered_json summary;
  summary["summary"] = {{"frames", c.frames},
                        {"bytes_discarded", c.bytes_discarded},
                        {"checksum_errors", c.checksum_errors}};
  std::cout << summary.dump() << '\n';
  return kExitOk;
}

}  // namespace

void register_decode_command(CLI::App& app) {
  auto options = std::make_shared<DecodeOptions>();
  auto* cmd = app.add_subcommand("decode", "Decode raw device bytes to JSON Lines");
  cmd->add_option("--protocol", options->protocol, "Device protocol: " + valid_protocols())
      ->required()
      ->check(CLI::Validator(
          [](std::string& name) -> std::string {
            if (protocols::make_decoder(name)) return {};
            return "unknown protocol '" + name + "'; valid protocols: " + valid_protocols();
          },
          "PROTOCOL"));
  cmd->add_option("FILE", options->file, "File of raw bytes (default: standard input)");
  add_runner(cmd, [options] { return run_decode(*options); });
}

}  // namespace vigil::cli
