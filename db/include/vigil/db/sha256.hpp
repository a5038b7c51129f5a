#pragma once
// SHA-256 (libsodium crypto_hash_sha256) as lowercase hex, for signatures and the audit chain.

#include <string>
#include <string_view>

namespace vigil::db {

std::string sha256_hex(std::string_view bytes);  // 64 lowercase hex digits

}  // namespace vigil::db
