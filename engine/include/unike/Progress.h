#pragma once
// A progress sink for long engine operations: a fraction, a message, named scalars
// (losses, alpha, KL...) for live plots, and a thread-safe cancel flag that the
// engine polls between steps. Thread-safe to cancel from any thread; the callback
// runs on the thread doing the work, so GUI code must forward it through a queued
// connection.

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace unike {

struct ProgressEvent {
    double fraction = 0.0; // 0..1 of the whole operation
    std::string message;   // what is happening now; may be empty
    long step = -1;        // the iteration the scalars belong to, -1 when none
    std::vector<std::pair<std::string, double>> scalars;
};

class Progress {
public:
    using Callback = std::function<void(const ProgressEvent&)>;

    Progress();
    explicit Progress(Callback callback);

    // A view of the range [begin, end] of this operation's fraction. It shares the
    // cancel flag and forwards events to this sink, mapping its fractions.
    Progress subRange(double begin, double end) const;

    void report(double fraction, const std::string& message = {}) const;
    void reportScalars(long step, std::vector<std::pair<std::string, double>> scalars,
                       double fraction = -1.0) const;

    void cancel() noexcept;
    bool isCancelled() const noexcept;
    // Throws Error(ErrorKind::Cancelled) when cancel() was called.
    void throwIfCancelled(const std::string& what = "the operation") const;

    double lastFraction() const noexcept;

private:
    struct Shared;
    Progress(std::shared_ptr<Shared> shared, double begin, double end);
    double map(double fraction) const noexcept;
    void dispatch(ProgressEvent event) const;

    std::shared_ptr<Shared> shared_;
    double begin_ = 0.0;
    double end_ = 1.0;
};

} // namespace unike
