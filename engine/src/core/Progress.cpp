#include <unike/Error.h>
#include <unike/Progress.h>

#include <algorithm>
#include <mutex>

namespace unike {

struct Progress::Shared {
    Callback callback;
    std::atomic<bool> cancelled{false};
    std::atomic<double> lastFraction{0.0};
    std::mutex callbackMutex; // callbacks from sub-ranges on other threads stay ordered
};

Progress::Progress()
    : Progress(Callback{}) {}

Progress::Progress(Callback callback)
    : shared_(std::make_shared<Shared>()) {
    shared_->callback = std::move(callback);
}

Progress::Progress(std::shared_ptr<Shared> shared, double begin, double end)
    : shared_(std::move(shared))
    , begin_(begin)
    , end_(end) {}

Progress Progress::subRange(double begin, double end) const {
    begin = std::clamp(begin, 0.0, 1.0);
    end = std::clamp(end, begin, 1.0);
    return Progress(shared_, map(begin), map(end));
}

double Progress::map(double fraction) const noexcept {
    return begin_ + std::clamp(fraction, 0.0, 1.0) * (end_ - begin_);
}

void Progress::dispatch(ProgressEvent event) const {
    shared_->lastFraction.store(event.fraction);
    if (!shared_->callback)
        return;
    std::lock_guard<std::mutex> lock(shared_->callbackMutex);
    shared_->callback(event);
}

void Progress::report(double fraction, const std::string& message) const {
    ProgressEvent event;
    event.fraction = map(fraction);
    event.message = message;
    dispatch(std::move(event));
}

void Progress::reportScalars(long step, std::vector<std::pair<std::string, double>> scalars,
                             double fraction) const {
    ProgressEvent event;
    event.fraction = fraction < 0.0 ? shared_->lastFraction.load() : map(fraction);
    event.step = step;
    event.scalars = std::move(scalars);
    dispatch(std::move(event));
}

void Progress::cancel() noexcept {
    shared_->cancelled.store(true);
}

bool Progress::isCancelled() const noexcept {
    return shared_->cancelled.load();
}

void Progress::throwIfCancelled(const std::string& what) const {
    if (isCancelled())
        throw Error::cancelled(what);
}

double Progress::lastFraction() const noexcept {
    return shared_->lastFraction.load();
}

} // namespace unike
