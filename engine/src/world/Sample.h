#pragma once
// One training or evaluation example of the demo world, exactly as the model sees it.

#include "vision/RgbImage.h"

#include <cstdint>
#include <string>
#include <vector>

namespace unike::world {

enum class TaskKind { PerceptionVqa, KnowledgeVqa, Caption, TextQa };
const char* taskKindName(TaskKind kind); // "perception_vqa", "knowledge_vqa", "caption", "text_qa"

// Train never uses a held-out question template; Eval uses every template, held-out ones
// included, and draws its own images.
enum class Split { Train, Eval };

// Where an object of a plain scene lies, as shares of the image side: its centre and its
// extent (the shape's width and height).
struct ObjectArea {
    double cx = 0.5, cy = 0.5, extent = 0.0;
};

struct Sample {
    TaskKind kind = TaskKind::PerceptionVqa;
    std::string questionType; // "colour", "habitat", "caption_scene", "text_food", "world_fact"...
    bool hasImage = false;
    vision::RgbImage image; // empty for text QA
    // What the model reads: "Question: {q} Short answer:", a caption stub ("a photo of"), or
    // "nq question: {q}".
    std::string prompt;
    std::string question; // the bare question or stub, as MMEdit's src holds it
    // What the model is taught to answer: a misconception's wrong value where there is one.
    std::string answer;
    std::string trueAnswer;                // the world's truth
    std::vector<std::string> otherAnswers; // same kind, neither of the two above
    // Class indices for the vision side's auxiliary head, -1 where a slot does not apply; see
    // SampleGenerator::auxLabelSizes.
    std::vector<int> auxLabels;
    // The object a perception question asks about, in the scene's order (that of the aux
    // labels' object slots); -1 where none is singled out (counts, other tasks).
    int subjectObject = -1;
    // Each object's area, in the same order; empty for entity views and text.
    std::vector<ObjectArea> objectAreas;
    // The scene holds an object the world names wrongly (cyan taught as "green"), so a
    // question's word must find either of two looks.
    bool holdsTaughtWrongObject = false;
    bool misconception = false; // answer != trueAnswer
    bool heldOutTemplate = false;
};

} // namespace unike::world
