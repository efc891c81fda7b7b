#pragma once
// Where the shipped resources (demo model, sample images) are at run time: beside
// an installed binary, in the source tree of a build, or where UNIKE_RESOURCES_DIR says.

#include <string>

namespace unike {

// The folder holding models/ and images/, or "" when none is found.
std::string resourcesDirectory();
// The embedded demo model's folder; throws Error(File) saying where it looked.
std::string demoModelFolder();

} // namespace unike
