// The shape of a record id and of a web address.
#include "accord/model/id.hpp"

#include <algorithm>

namespace accord {

bool is_valid_id(std::string_view text) {
    if (text.empty() || text.size() > 96) {
        return false;
    }
    auto ok_first = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!ok_first(text[0])) {
        return false;
    }
    return std::all_of(text.begin(), text.end(),
                       [&](char c) { return ok_first(c) || c == '.' || c == '_' || c == '-'; });
}

bool is_url(std::string_view text) {
    return text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0;
}

} // namespace accord
