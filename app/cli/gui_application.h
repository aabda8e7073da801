#pragma once
// The Qt application a document command needs for fonts and the PDF writer.

#include <QGuiApplication>
#include <memory>

namespace shuiheng::cli {

/// A QGuiApplication on the offscreen platform (a command line has no screen) unless the caller
/// chose one, with a private runtime directory; nullptr when one exists already.
std::unique_ptr<QGuiApplication> guiApplication();

} // namespace shuiheng::cli
