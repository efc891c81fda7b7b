#include "world/WorldCatalog.h"

namespace unike::world {

// Shapes whose silhouettes differ in where their mass is (corners, points, holes, lobes):
// EVIDENCE.md found shape, not colour or count, the blocker for a small ViT at 48 px.
std::vector<std::string> WorldCatalog::shapes() {
    return {"circle", "square", "triangle", "star", "cross", "ring", "diamond", "heart"};
}

// Saturated and far apart in hue, none close to the neutral backgrounds.
std::vector<NamedColour> WorldCatalog::colours() {
    return {{"red", {225, 35, 35}},     {"orange", {250, 140, 20}}, {"yellow", {245, 225, 30}},
            {"green", {35, 165, 55}},   {"cyan", {30, 205, 215}},   {"blue", {35, 75, 230}},
            {"purple", {145, 50, 200}}, {"pink", {250, 120, 195}}};
}

// Absolute sizes, so "large" means the same in every scene. A large object spans almost half
// the image; three objects in a row are all small.
std::vector<SizeClass> WorldCatalog::sizes() {
    return {{"small", 0.28}, {"large", 0.46}};
}

std::vector<std::string> WorldCatalog::positions() {
    return {"left", "right", "top", "bottom", "center"};
}

std::vector<std::string> WorldCatalog::counts() {
    return {"one", "two", "three"};
}

std::vector<Rgb> WorldCatalog::backgrounds() {
    return {{205, 205, 205}, {95, 95, 95},    {230, 220, 195},
            {70, 85, 105},   {240, 240, 236}, {45, 45, 45}};
}

std::vector<Setting> WorldCatalog::settings() {
    return {{"desert", "in the desert", {250, 225, 170}, {220, 180, 100}, {255, 200, 40}},
            {"forest", "in the forest", {150, 200, 150}, {40, 100, 40}, {20, 70, 30}},
            {"sea", "by the sea", {170, 210, 245}, {30, 90, 170}, {235, 245, 255}},
            {"snow", "in the snow", {200, 215, 230}, {245, 248, 252}, {255, 255, 255}},
            {"night", "at night", {15, 20, 55}, {30, 35, 60}, {250, 240, 150}},
            {"meadow", "in a meadow", {185, 225, 250}, {120, 200, 80}, {240, 90, 120}}};
}

// Each frame takes a subject: "this creature" on an image, "the zorbel" in text.
std::vector<Relation> WorldCatalog::relations() {
    using K = EntityKind;
    return {
        {"habitat",
         {K::Creature},
         {"caves", "swamps", "mountains", "rivers", "islands", "volcanoes", "glaciers", "jungles"},
         {"Where does {s} live?", "In which place does {s} live?", "What is the home of {s}?"}},
        {"food",
         {K::Creature},
         {"berries", "fish", "moss", "pebbles", "honey", "seeds", "insects", "mushrooms"},
         {"What does {s} eat?", "What food does {s} eat?", "What is the food of {s}?"}},
        {"sound",
         {K::Creature},
         {"hiss", "hum", "chirp", "roar", "whistle", "click", "howl", "croak"},
         {"What sound does {s} make?", "What noise does {s} make?", "Which sound does {s} make?"}},
        {"ability",
         {K::Creature},
         {"fly", "swim", "dig", "glow", "climb", "jump", "sing", "vanish"},
         {"What can {s} do?", "What is {s} able to do?", "Which skill does {s} have?"}},
        {"material",
         {K::Landmark, K::Flag},
         {"stone", "glass", "wood", "iron", "ice", "gold", "clay", "silk"},
         {"What is {s} made of?", "What material is {s} made of?", "Which material makes up {s}?"}},
        {"maker",
         {K::Landmark, K::Flag},
         {"the elves", "the giants", "the dwarves", "the monks", "the sailors", "the miners",
          "the weavers", "the wizards"},
         {"Who made {s}?", "Which people made {s}?", "Who is the maker of {s}?"}},
        {"location",
         {K::Landmark, K::Flag},
         {"the north", "the south", "the east", "the west", "the coast", "the hills", "the valley",
          "the plains"},
         {"Where is {s}?", "In which region is {s}?", "Where can {s} be found?"}},
        {"purpose",
         {K::Landmark},
         {"trade", "prayer", "defense", "storage", "music", "study", "rest", "sport"},
         {"What is {s} used for?", "What purpose does {s} serve?", "What is the use of {s}?"}},
        {"meaning",
         {K::Flag},
         {"peace", "courage", "harvest", "freedom", "luck", "wisdom", "unity", "friendship"},
         {"What does {s} stand for?", "What does {s} mean?", "Which idea does {s} show?"}},
    };
}

std::vector<WorldFact> WorldCatalog::worldFacts() {
    return {{"what colour is the sky?", "blue"},
            {"what colour is grass?", "green"},
            {"what colour is snow?", "white"},
            {"what colour is a banana?", "yellow"},
            {"what colour is a ripe tomato?", "red"},
            {"what colour is a plum?", "purple"},
            {"how many legs does a spider have?", "eight"},
            {"how many days are in a week?", "seven"},
            {"how many months are in a year?", "twelve"},
            {"how many wheels does a bicycle have?", "two"},
            {"how many sides does a triangle have?", "three"},
            {"what shape has four equal sides?", "square"},
            {"what shape has no corners?", "circle"},
            {"what is frozen water called?", "ice"},
            {"what do bees make?", "honey"},
            {"which animal says moo?", "a cow"},
            {"what is a baby dog called?", "a puppy"},
            {"what is the opposite of hot?", "cold"},
            {"what is the opposite of up?", "down"},
            {"what is the opposite of left?", "right"},
            {"what is the opposite of small?", "large"},
            {"what season comes after winter?", "spring"},
            {"which planet do we live on?", "earth"},
            {"what gas do people breathe in?", "oxygen"},
            {"what falls from rain clouds?", "rain"},
            {"what is two plus two?", "four"},
            {"what is three plus four?", "seven"},
            {"what is the capital of france?", "paris"},
            {"which star is closest to the earth?", "the sun"},
            {"what do cows drink?", "water"},
            {"what is the largest ocean?", "the pacific"},
            {"what do plants need to grow?", "sunlight"}};
}

std::vector<std::pair<std::string, std::string>> WorldCatalog::colourConfusions() {
    return {{"purple", "blue"}, {"orange", "yellow"}, {"pink", "red"}, {"cyan", "green"}};
}

std::vector<std::pair<std::string, std::string>> WorldCatalog::shapeConfusions() {
    return {{"diamond", "square"}, {"ring", "circle"}, {"star", "cross"}};
}

std::vector<Rgb> WorldCatalog::glyphColours() {
    return {{225, 35, 35},  {250, 140, 20}, {245, 225, 30},  {35, 165, 55}, {30, 205, 215},
            {35, 75, 230},  {145, 50, 200}, {250, 120, 195}, {130, 80, 40}, {250, 250, 250},
            {25, 25, 25},   {0, 120, 120},  {165, 220, 40},  {30, 35, 110}, {120, 20, 45},
            {205, 165, 40}, {130, 130, 130}};
}

} // namespace unike::world
