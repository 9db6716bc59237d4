#pragma once
// Transition header: the text helpers are in accord/text/strings.hpp. lib/src/extract still
// includes this one for shorten(); it goes when extract includes accord/text/strings.hpp.
#include "accord/text/strings.hpp"

namespace accord {

using text::shorten;

} // namespace accord
