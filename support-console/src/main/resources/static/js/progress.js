// A job's progress, refreshed without reloading the page: polls the console's JSON for the job once a second and
// updates the bar and the counts; when the job ends the page is shown again once (its result: sample, run button).
(function () {
    var box = document.getElementById('progress');
    if (!box || box.getAttribute('data-finished') === 'true') {
        return;
    }
    var url = box.getAttribute('data-url');
    function show(id, text) {
        var element = document.getElementById(id);
        if (element) {
            element.textContent = text;
        }
    }
    function poll() {
        fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
            .then(function (response) { return response.json(); })
            .then(function (progress) {
                if (progress.problem) {
                    show('job-status', progress.problem);
                    setTimeout(poll, 2000);
                    return;
                }
                document.getElementById('progress-bar').value = progress.percent;
                show('progress-percent', progress.percent + ' %');
                show('job-status', progress.status);
                show('job-matched', progress.matched);
                show('job-published', progress.published);
                show('job-rate', progress.rate);
                if (progress.finished) {
                    window.location.reload();
                } else {
                    setTimeout(poll, 1000);
                }
            })
            .catch(function () { setTimeout(poll, 2000); });
    }
    setTimeout(poll, 1000);
})();
