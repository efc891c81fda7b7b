#include "WorldFixtures.h"

#include <cstdlib>

namespace worldtests {

using namespace unike::world;

double meanDifference(const unike::vision::RgbImage& a, const unike::vision::RgbImage& b) {
    if (a.width != b.width || a.height != b.height || a.pixels.empty())
        return 255;
    double sum = 0;
    for (std::size_t i = 0; i < a.pixels.size(); ++i)
        sum += std::abs(int(a.pixels[i]) - int(b.pixels[i]));
    return sum / double(a.pixels.size());
}

std::set<std::string> phrasings(const World& world, const QuestionBank& bank, bool heldOut) {
    const auto& d = world.definition();
    std::set<std::string> out;
    for (const QuestionType& type : bank.types())
        for (int t : bank.templates(type.id, heldOut)) {
            std::vector<Slots> fills;
            if (type.task == TaskKind::PerceptionVqa) {
                for (const auto& shape : d.shapes)
                    for (const auto& colour : d.colours)
                        for (const auto& size : d.sizes)
                            fills.push_back({shape, colour.name, size.name, "", ""});
            } else if (type.task == TaskKind::KnowledgeVqa) {
                for (const char* kind : {"creature", "landmark", "flag"})
                    fills.push_back({"", "", "", kind, ""});
            } else if (type.id == "world_fact") {
                for (const auto& f : d.worldFacts)
                    fills.push_back({"", "", "", "", f.question});
            } else if (type.task == TaskKind::TextQa) {
                for (int e = 0; e < world.entityCount(); ++e)
                    fills.push_back({"", "", "", "", world.entityPhrase(e)});
            } else {
                fills.push_back({});
            }
            for (const Slots& fill : fills)
                out.insert(type.phrase(t, fill));
        }
    return out;
}

} // namespace worldtests
