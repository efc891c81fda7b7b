#include "io/CsvText.h"

#include <unike/EvalTypes.h>

#include <nlohmann/json.hpp>

#include <sstream>

namespace unike {

using io::csvField;

std::string EvalReport::toJson() const {
    nlohmann::json out;
    for (const auto& [name, value] : metrics)
        out[name] = value;
    for (const auto& [name, value] : labels)
        out[name] = value;
    out["problems"] = problems;
    return out.dump(2);
}

std::string EvalReport::casesCsv() const {
    std::ostringstream out;
    out << "index,task,src,alt,reliability,t_generality,m_generality,t_locality,m_locality,"
           "trainer_t_locality,trainer_m_locality,generated,generation_match,steps,seconds\n";
    for (const EvalCase& c : cases)
        out << c.index << ',' << c.task << ',' << csvField(c.src) << ',' << csvField(c.alt) << ','
            << c.reliability << ',' << c.tGenerality << ',' << c.mGenerality << ',' << c.tLocality
            << ',' << c.mLocality << ',' << c.trainerTLocality << ',' << c.trainerMLocality << ','
            << csvField(c.generated) << ',' << (c.generationMatch ? 1 : 0) << ',' << c.steps << ','
            << c.seconds << '\n';
    return out.str();
}

} // namespace unike
