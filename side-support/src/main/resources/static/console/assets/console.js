// The console's one script, an enhancement only: every page works without it. It draws the dashboard's charts with
// ECharts (loaded on that page only, from its webjar) from the numbers the page shows in its tables, and asks htmx
// to send the CSRF token (the XSRF-TOKEN cookie's value) with the requests it makes.
(function () {
    function cookie(name) {
        var match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
        return match ? decodeURIComponent(match[1]) : null;
    }

    document.addEventListener('htmx:configRequest', function (event) {
        var token = cookie('XSRF-TOKEN');
        if (token) {
            event.detail.headers['X-XSRF-TOKEN'] = token;
        }
    });

    // A status or a domain's state in the colours the pages' badges give it.
    var STATE_COLOURS = {
        active: '#1e6b34', suspended: '#b26b00', deactivated: '#a4161a', deleted: '#5b616b',
        verified: '#1e6b34', pending: '#b26b00', expired: '#a4161a'
    };

    function drawCharts() {
        if (typeof echarts === 'undefined') {
            return;
        }
        document.querySelectorAll('[data-chart]').forEach(function (element) {
            if (element.dataset.drawn) {
                return;
            }
            var data = JSON.parse(document.getElementById(element.dataset.chart).textContent);
            var option = data.kind === 'pie'
                ? {
                    tooltip: {trigger: 'item'},
                    series: [{type: 'pie', radius: ['35%', '70%'], data: data.labels.map(function (label, i) {
                        return {name: label, value: data.values[i],
                            itemStyle: STATE_COLOURS[label] ? {color: STATE_COLOURS[label]} : undefined};
                    })}]
                }
                : {
                    tooltip: {trigger: 'axis'},
                    grid: {left: 40, right: 16, top: 16, bottom: 40},
                    xAxis: {type: 'category', data: data.labels},
                    yAxis: {type: 'value', minInterval: 1},
                    series: [{type: data.kind, data: data.values, itemStyle: {color: '#0b5cad'}}]
                };
            // No animation: the chart is drawn as it will stay, for a screenshot too.
            option.animation = false;
            var chart = echarts.init(element, null, {renderer: 'svg'});
            chart.setOption(option);
            element.dataset.drawn = 'true';
            window.addEventListener('resize', function () { chart.resize(); });
        });
    }

    document.addEventListener('DOMContentLoaded', drawCharts);
    document.addEventListener('htmx:afterSettle', drawCharts);
})();
