#include "world/WorldDefinition.h"

namespace unike::world {
namespace {

constexpr const char* kPrimitiveNames[] = {"ellipse",  "rectangle", "triangle", "star",
                                           "cross",    "ring",      "diamond",  "heart",
                                           "crescent", "halfdisc"};
constexpr const char* kKindNames[] = {"creature", "landmark", "flag"};

} // namespace

const char* entityKindName(EntityKind kind) {
    return kKindNames[static_cast<int>(kind)];
}

bool parseEntityKind(const std::string& name, EntityKind& kind) {
    for (int i = 0; i < 3; ++i)
        if (name == kKindNames[i]) {
            kind = static_cast<EntityKind>(i);
            return true;
        }
    return false;
}

const char* primitiveName(Primitive primitive) {
    return kPrimitiveNames[static_cast<int>(primitive)];
}

// The plain shapes go by everyday names: a circle is an ellipse, a square a rectangle.
bool parsePrimitive(const std::string& name, Primitive& primitive) {
    if (name == "circle" || name == "square") {
        primitive = name == "circle" ? Primitive::Ellipse : Primitive::Rectangle;
        return true;
    }
    for (int i = 0; i < int(std::size(kPrimitiveNames)); ++i)
        if (name == kPrimitiveNames[i]) {
            primitive = static_cast<Primitive>(i);
            return true;
        }
    return false;
}

} // namespace unike::world
