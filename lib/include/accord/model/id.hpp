#pragma once
// The shape of a record id and of a web address (docs/format.md): rules of the data model that
// the validator, extract and xref share.
#include <string_view>

namespace accord {

// True when text is a valid id: [a-z0-9][a-z0-9._-]*, at most 96 characters.
bool is_valid_id(std::string_view text);
// True when text starts with http:// or https://.
bool is_url(std::string_view text);

} // namespace accord
