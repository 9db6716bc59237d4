// DocumentStream: a YAML stream read document by document, a parser per window (windows.hpp), each built by the Builder.
#include "accord/yaml/node.hpp"

#include "builder.hpp"
#include "windows.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <memory>

namespace accord::yaml {

using detail::Builder;
using detail::Stuck;
using detail::TooManyValues;
using detail::Windows;
using detail::to_mark;

struct DocumentStream::Impl {
    Windows windows;
    std::istream window;
    std::unique_ptr<YAML::Parser> parser;
    bool done = false;
    // yaml-cpp 0.7 can also return empty document after empty document without reading on
    // (a ',' after a quoted scalar and an anchor at the top level: `""&a,`): documents that
    // begin where the previous one ended are counted, and too many in a row end the stream.
    int previous_end = -1;
    int stalled = 0;
    Impl(std::istream& in, bool split) : windows(in, split), window(&windows) { open(); }
    // A parser for the window.
    void open() {
        window.clear();
        parser = std::make_unique<YAML::Parser>(window);
        previous_end = -1;
        stalled = 0;
    }
};

DocumentStream::DocumentStream(std::istream& in, bool split) {
    try {
        m_impl = std::make_unique<Impl>(in, split);
    } catch (const YAML::Exception& e) {
        m_syntax_error = Problem{to_mark(e.mark, 0), e.msg};
    }
}

DocumentStream::~DocumentStream() = default;

std::optional<Document> DocumentStream::next(const PartHandler& on_part) {
    if (!m_impl || m_impl->done) {
        return std::nullopt;
    }
    for (;;) {
        int offset = m_impl->windows.line_offset();
        Builder builder(on_part, offset);
        try {
            if (!m_impl->parser->HandleNextDocument(builder)) {
                m_impl->done = true;
                return std::nullopt;
            }
            if (builder.start_line >= 0 && builder.start_line == m_impl->windows.marker_line()) {
                // The "---" that ends the window: the next document starts the next window.
                if (!m_impl->windows.next()) {
                    m_impl->done = true;
                    return std::nullopt;
                }
                m_impl->open();
                continue;
            }
        } catch (const TooManyValues& e) {
            m_syntax_error = Problem{to_mark(e.mark, offset),
                                     fmt::format("more than {} values in one document (or in {} items of a "
                                                 "top-level list); split it into smaller documents or files",
                                                 k_max_values, k_part_items)};
            m_impl->done = true;
            return std::nullopt;
        } catch (const Stuck& e) {
            return stuck(to_mark(e.mark, offset));
        } catch (const YAML::DeepRecursion& e) {
            m_syntax_error = Problem{to_mark(e.mark, offset), fmt::format("nesting deeper than {} levels", e.depth())};
            m_impl->done = true;
            return std::nullopt;
        } catch (const YAML::Exception& e) {
            m_syntax_error = Problem{to_mark(e.mark, offset), "YAML syntax: " + e.msg};
            m_impl->done = true;
            return std::nullopt;
        }
        if (builder.first_pos == m_impl->previous_end) {
            if (++m_impl->stalled > 100) {
                return stuck(to_mark(builder.last_mark, offset));
            }
        } else {
            m_impl->stalled = 0;
        }
        m_impl->previous_end = builder.last_mark.pos;
        return std::move(builder.doc);
    }
}

std::optional<Document> DocumentStream::stuck(Mark mark) {
    m_syntax_error = Problem{mark, "YAML syntax: unexpected character here (a stray ',' or other "
                                            "indicator?); the parser cannot read on"};
    m_impl->done = true;
    return std::nullopt;
}

} // namespace accord::yaml
