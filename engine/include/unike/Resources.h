#pragma once
// Where the shipped resources (demo model, sample images) are at run time: beside
// an installed binary, in the source tree of a build, or where UNIKE_RESOURCES_DIR says.

#include <string>
#include <vector>

namespace unike {

// A demo model shipped in resources/models: one per model family, trained on the same world.
struct DemoModel {
    std::string family; // config.json's model_type: "blip-2", "llava"
    std::string name;   // for people: "BLIP-2 (OPT) demo"
    std::string folder; // "" when this installation does not have it
};

// The folder holding models/ and images/, or "" when none is found.
std::string resourcesDirectory();
// The embedded demo model's folder (the BLIP-2's unless `family` names another); throws
// Error(File) saying where it looked, or naming the families there are.
std::string demoModelFolder(const std::string& family = "blip-2");
// Every demo model, the BLIP-2 first, with its folder where it was found.
std::vector<DemoModel> demoModels();

} // namespace unike
