#include "SpacesPanel.h"

#include "spaces/ScatterPlot.h"
#include "worker/EngineWorker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMap>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace unike::ui {
namespace {

QString csvField(QString text) {
    if (text.contains(',') || text.contains('"') || text.contains('\n'))
        return '"' + text.replace('"', "\"\"") + '"';
    return text;
}

// Pairs each "before" row with the "after" row of the same input, for arrows.
void pairPhases(QVector<ScatterPoint>& points, const std::vector<unike::StateTag>& tags) {
    QMap<QString, QList<int>> before;
    for (int i = 0; i < points.size(); ++i) {
        const unike::StateTag& t = tags[static_cast<size_t>(i)];
        const QString key = QString::fromStdString(t.role + "|" + t.text + "|" + t.imagePath) +
                            QString::number(t.editIndex);
        if (t.phase == "before") {
            before[key].append(i);
        } else if (!before[key].isEmpty()) {
            const int other = before[key].takeFirst();
            points[i].pair = other;
            points[other].pair = i;
        }
    }
}

} // namespace

SpacesPanel::SpacesPanel(EngineWorker* worker, QWidget* parent)
    : QWidget(parent)
    , worker_(worker)
    , colourBy_(new QComboBox)
    , arrows_(new QCheckBox(tr("Before → after arrows")))
    , perplexity_(new QDoubleSpinBox)
    , iterations_(new QSpinBox)
    , seed_(new QSpinBox)
    , status_(new QLabel(tr("Not computed yet."))) {
    setObjectName("SpacesPanel");
    plots_[0] = new ScatterPlot(tr("Semantic space"));
    plots_[0]->setObjectName("SemanticPlot");
    plots_[1] = new ScatterPlot(tr("Truthfulness space"));
    plots_[1]->setObjectName("TruthfulnessPlot");
    colourBy_->addItems({tr("Role"), tr("Positive / negative"), tr("Edit")});
    colourBy_->setAccessibleName(tr("Colour points by"));
    colourBy_->setToolTip(tr("What the colours of the points show"));
    arrows_->setToolTip(tr("Draw an arrow from each input before the edits to after them"));
    perplexity_->setRange(2, 100);
    perplexity_->setValue(10);
    perplexity_->setToolTip(tr("t-SNE perplexity: about how many neighbours each point keeps"));
    iterations_->setRange(50, 5000);
    iterations_->setSingleStep(50);
    iterations_->setValue(500);
    iterations_->setToolTip(tr("t-SNE iterations"));
    seed_->setRange(0, 1000000);
    seed_->setValue(42);
    seed_->setToolTip(tr("t-SNE random seed"));
    auto* pca = new QPushButton(tr("PCA Preview"));
    pca->setObjectName("PcaButton");
    pca->setToolTip(tr("Capture the hidden states and show their PCA at once"));
    auto* tsne = new QPushButton(tr("Run t-SNE"));
    tsne->setObjectName("TsneButton");
    tsne->setToolTip(tr("Capture the hidden states and animate t-SNE's iterations"));
    auto* exportButton = new QPushButton(tr("Export…"));
    exportButton->setToolTip(tr("Save both plots as PNG, or their points as CSV"));
    status_->setObjectName("SpacesStatus");
    connect(pca, &QPushButton::clicked, this, &SpacesPanel::computePca);
    connect(tsne, &QPushButton::clicked, this, &SpacesPanel::computeTsne);
    connect(exportButton, &QPushButton::clicked, this, &SpacesPanel::exportDialog);
    connect(colourBy_, &QComboBox::currentIndexChanged, this, &SpacesPanel::redraw);
    connect(arrows_, &QCheckBox::toggled, this, [this](bool on) {
        for (ScatterPlot* plot : plots_)
            plot->setArrowsVisible(on);
    });
    // Linked selection: the same row is the same input in both spaces.
    connect(plots_[0], &ScatterPlot::selectionChanged, plots_[1], &ScatterPlot::setSelected);
    connect(plots_[1], &ScatterPlot::selectionChanged, plots_[0], &ScatterPlot::setSelected);
    for (ScatterPlot* plot : plots_)
        connect(plot, &ScatterPlot::pointActivated, this, [this](int index) {
            if (index < 0 || static_cast<size_t>(index) >= data_[0].states.tags.size())
                return;
            const unike::StateTag& tag = data_[0].states.tags[static_cast<size_t>(index)];
            emit sampleChosen(QString::fromStdString(tag.imagePath),
                              QString::fromStdString(tag.text));
        });

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Colour by")));
    controls->addWidget(colourBy_);
    controls->addWidget(arrows_);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Perplexity")));
    controls->addWidget(perplexity_);
    controls->addWidget(new QLabel(tr("Iterations")));
    controls->addWidget(iterations_);
    controls->addWidget(new QLabel(tr("Seed")));
    controls->addWidget(seed_);
    controls->addWidget(pca);
    controls->addWidget(tsne);
    controls->addWidget(exportButton);
    controls->addStretch();
    auto* splitter = new QSplitter;
    splitter->addWidget(plots_[0]);
    splitter->addWidget(plots_[1]);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);
    layout->addWidget(status_);

    connect(worker_, &EngineWorker::spacesReady, this, &SpacesPanel::onReady);
    connect(worker_, &EngineWorker::tsneSnapshot, this, &SpacesPanel::onSnapshot);
    connect(worker_, &EngineWorker::tsneFinished, this, &SpacesPanel::onTsneFinished);
}

void SpacesPanel::setIterations(int iterations) {
    iterations_->setValue(iterations);
}

void SpacesPanel::computePca() {
    request(false);
}
void SpacesPanel::computeTsne() {
    request(true);
}

void SpacesPanel::request(bool tsne) {
    SpacesRequest request;
    request.tsne = tsne;
    request.perplexity = perplexity_->value();
    request.iterations = iterations_->value();
    request.seed = static_cast<unsigned long long>(seed_->value());
    frames_ = 0;
    status_->setText(tr("Capturing hidden states…"));
    request_ = worker_->computeSpaces(request);
}

QString SpacesPanel::groupOf(const unike::StateTag& tag) const {
    switch (colourBy_->currentIndex()) {
    case 1:
        if (tag.role == "positive" || tag.role == "negative")
            return QString::fromStdString(tag.role);
        return tr("probe");
    case 2:
        return tag.editIndex >= 0 ? tr("edit %1").arg(tag.editIndex) : tr("no edit");
    default:
        return QString::fromStdString(tag.role.empty() ? "input" : tag.role);
    }
}

void SpacesPanel::redraw() {
    if (!hasData_)
        return;
    for (int s = 0; s < 2; ++s) {
        const unike::HiddenStates& states = data_[s].states;
        const unike::Projection& projection = data_[s].projection;
        QVector<ScatterPoint> points;
        for (size_t i = 0; i < states.tags.size() && static_cast<int>(i) < projection.rows; ++i) {
            ScatterPoint p;
            p.x = projection.coords[2 * i];
            p.y = projection.coords[2 * i + 1];
            p.group = groupOf(states.tags[i]);
            p.text = QString::fromStdString(states.tags[i].text);
            p.answer = QString::fromStdString(states.tags[i].answer);
            p.imagePath = QString::fromStdString(states.tags[i].imagePath);
            p.phase = QString::fromStdString(states.tags[i].phase);
            points << p;
        }
        pairPhases(points, states.tags);
        plots_[s]->setPoints(points);
        plots_[s]->setArrowsVisible(arrows_->isChecked());
    }
}

void SpacesPanel::onReady(int request, const SpaceData& semantic, const SpaceData& truthfulness) {
    if (request != request_)
        return;
    data_[0] = semantic;
    data_[1] = truthfulness;
    hasData_ = true;
    redraw();
    status_->setText(tr("%1 inputs at layer %2 (PCA)")
                         .arg(semantic.states.tags.size())
                         .arg(semantic.states.layer));
    emit computed();
}

void SpacesPanel::onSnapshot(int request, int space, int iteration, const QVector<float>& coords) {
    if (request != request_ || space < 0 || space > 1)
        return;
    ++frames_;
    plots_[space]->setCoordinates(coords);
    status_->setText(tr("t-SNE of the %1 space: iteration %2")
                         .arg(space == 0 ? tr("semantic") : tr("truthfulness"))
                         .arg(iteration));
}

void SpacesPanel::onTsneFinished(int request, int space, const unike::Projection& projection) {
    if (request != request_ || space < 0 || space > 1)
        return;
    data_[space].projection = projection;
    plots_[space]->setCoordinates(
        QVector<float>(projection.coords.begin(), projection.coords.end()));
    status_->setText(tr("t-SNE done: KL %1 after %2 iterations (%3 s)")
                         .arg(projection.klDivergence, 0, 'f', 3)
                         .arg(projection.iterations)
                         .arg(projection.seconds, 0, 'f', 1));
    if (space == 1)
        emit computed();
}

bool SpacesPanel::exportCsv(const QString& path) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    QString out = "space,row,role,phase,edit,x,y,text,answer,image\n";
    for (int s = 0; s < 2; ++s)
        for (int i = 0; i < plots_[s]->points().size(); ++i) {
            const ScatterPoint& p = plots_[s]->points()[i];
            const unike::StateTag& tag = data_[s].states.tags[static_cast<size_t>(i)];
            out += QStringList({s == 0 ? "semantic" : "truthfulness", QString::number(i),
                                csvField(QString::fromStdString(tag.role)), p.phase,
                                QString::number(tag.editIndex), QString::number(p.x, 'g', 7),
                                QString::number(p.y, 'g', 7), csvField(p.text), csvField(p.answer),
                                csvField(p.imagePath)})
                       .join(',') +
                   '\n';
        }
    file.write(out.toUtf8());
    return file.commit();
}

bool SpacesPanel::exportPng(const QString& path) const {
    // Both plots side by side in one picture.
    QPixmap left = plots_[0]->grab();
    QPixmap right = plots_[1]->grab();
    QPixmap both(left.width() + right.width(), std::max(left.height(), right.height()));
    both.fill(palette().color(QPalette::Base));
    QPainter painter(&both);
    painter.drawPixmap(0, 0, left);
    painter.drawPixmap(left.width(), 0, right);
    painter.end();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    both.save(&file, "PNG");
    return file.commit();
}

void SpacesPanel::exportDialog() {
    QString selected;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Spaces"), "spaces.png",
                                     tr("PNG image (*.png);;CSV points (*.csv)"), &selected);
    if (path.isEmpty())
        return;
    const bool ok = path.endsWith(".csv", Qt::CaseInsensitive) ? exportCsv(path) : exportPng(path);
    status_->setText(ok ? tr("Exported to %1").arg(path) : tr("Could not write %1").arg(path));
}

} // namespace unike::ui
