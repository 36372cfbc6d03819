// Dashboard charts (ECharts, vendored): each reads its parameters from the page's data-
// attributes and its data from the JSON API, so the pages need no inline script.
(function () {
  "use strict";
  var QUAD_COLOURS = { 1: "#2e8b57", 2: "#1f6f43", 3: "#d9822b", 4: "#c0392b" };
  var QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation",
                     3: "verbal conflict", 4: "material conflict" };

  // ECharts writes a tooltip formatter's string as HTML: every value from the store goes
  // through esc() first (actor codes, place names), so none can become markup.
  function esc(value) {
    return echarts.format.encodeHTML(String(value === null || value === undefined ? "" : value));
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }
  // data-ready="yes" once the chart has drawn and finished animating (tests wait for it).
  function chartOn(el) {
    var chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption({ animation: false });  // data first: an analyst waits for no animation
    window.addEventListener("resize", function () { chart.resize(); });
    chart.on("finished", function () { el.dataset.ready = "yes"; });
    return chart;
  }
  function fail(el, err) {
    el.dataset.ready = "error";
    el.textContent = "Could not load the chart: " + err.message;
  }

  function networkChart(el) {
    getJSON("/v1/network?level=" + encodeURIComponent(el.dataset.level) + "&limit=300")
      .then(function (data) {
        var chart = chartOn(el);
        var most = Math.max.apply(null, [1].concat(data.nodes.map(function (n) { return n.events; })));
        var heaviest = Math.max.apply(null, [1].concat(data.edges.map(function (e) { return e.events; })));
        chart.setOption({
          tooltip: { formatter: function (p) {
            if (p.dataType === "edge") {
              return esc(p.data.source) + " → " + esc(p.data.target) + ": " + esc(p.data.value) +
                " events, mostly " + esc(QUAD_NAMES[p.data.quad]);
            }
            return esc(p.data.name) + ": " + esc(p.data.value) + " events";
          } },
          series: [{
            type: "graph", layout: "force", roam: true, draggable: true,
            force: { repulsion: 180, edgeLength: [60, 180], gravity: 0.08 },
            label: { show: true, position: "right", fontSize: 11 },
            edgeSymbol: ["none", "arrow"], edgeSymbolSize: 6,
            data: data.nodes.map(function (n) {
              return { name: n.id, value: n.events, symbolSize: 8 + 30 * Math.sqrt(n.events / most) };
            }),
            links: data.edges.map(function (e) {
              return { source: e.source, target: e.target, value: e.events, quad: e.quad_class,
                       lineStyle: { width: 1 + 7 * e.events / heaviest, color: QUAD_COLOURS[e.quad_class],
                                    opacity: 0.75, curveness: 0.15 } };
            })
          }]
        });
        chart.on("click", function (p) {
          if (p.dataType === "node") window.location.href = "/actors/" + encodeURIComponent(p.data.name);
        });
      })
      .catch(function (err) { fail(el, err); });
  }

  function dyadChart(el) {
    var url = "/v1/dyads?symmetric=true&level=actor&source=" + encodeURIComponent(el.dataset.a) +
      "&target=" + encodeURIComponent(el.dataset.b) + "&period=" + encodeURIComponent(el.dataset.period);
    getJSON(url).then(function (data) {
      if (!data.dyads.length) {
        document.getElementById("dyad-empty").hidden = false;
      }
      var periods = [], coop = {}, conf = {}, gold = {}, count = {};
      data.dyads.forEach(function (d) {
        if (!(d.period in count)) { periods.push(d.period); coop[d.period] = 0; conf[d.period] = 0; gold[d.period] = 0; count[d.period] = 0; }
        coop[d.period] += d.cooperation; conf[d.period] += d.conflict;
        gold[d.period] += d.mean_goldstein * d.events; count[d.period] += d.events;
      });
      periods.sort();
      var chart = chartOn(el);
      chart.setOption({
        tooltip: { trigger: "axis" },
        legend: { data: ["cooperation", "conflict", "mean Goldstein"] },
        xAxis: { type: "category", data: periods },
        yAxis: [{ type: "value", name: "events", minInterval: 1 },
                { type: "value", name: "Goldstein", min: -10, max: 10 }],
        series: [
          { name: "cooperation", type: "bar", stack: "n", barMaxWidth: 48, color: QUAD_COLOURS[1],
            data: periods.map(function (p) { return coop[p]; }) },
          { name: "conflict", type: "bar", stack: "n", barMaxWidth: 48, color: QUAD_COLOURS[4],
            data: periods.map(function (p) { return -conf[p]; }) },
          { name: "mean Goldstein", type: "line", yAxisIndex: 1, color: "#333",
            data: periods.map(function (p) { return Math.round(100 * gold[p] / count[p]) / 100; }) }
        ]
      });
    }).catch(function (err) { fail(el, err); });
  }

  function partnersChart(el) {
    getJSON("/v1/actors/" + encodeURIComponent(el.dataset.code) + "?top=6&period=" +
            encodeURIComponent(el.dataset.period))
      .then(function (data) {
        var p = data.partners, periods = [];
        p.series.forEach(function (s) { if (periods.indexOf(s.period) < 0) periods.push(s.period); });
        periods.sort();
        var chart = chartOn(el);
        chart.setOption({
          tooltip: { trigger: "axis" },
          legend: { data: p.partners.map(function (x) { return x.partner; }) },
          xAxis: { type: "category", data: periods },
          yAxis: { type: "value", name: "events", minInterval: 1 },
          series: p.partners.map(function (x) {
            return { name: x.partner, type: "bar", stack: "all", barMaxWidth: 48,
                     data: periods.map(function (period) {
                       var hit = p.series.filter(function (s) { return s.partner === x.partner && s.period === period; })[0];
                       return hit ? hit.n : 0;
                     }) };
          })
        });
      })
      .catch(function (err) { fail(el, err); });
  }

  function mapChart(el) {
    Promise.all([getJSON(el.dataset.geo), getJSON("/v1/places?limit=2000")]).then(function (got) {
      var world = topojson.feature(got[0], got[0].objects.countries);
      echarts.registerMap("world", world);
      var places = got[1].places;
      var most = Math.max.apply(null, [1].concat(places.map(function (p) { return p.events; })));
      var chart = chartOn(el);
      chart.setOption({
        tooltip: { formatter: function (p) {
          return esc(p.data.name) + " (" + esc(p.data.country || "?") + "): " +
            esc(p.data.events) + " events, mean Goldstein " + esc(p.data.goldstein);
        } },
        visualMap: { type: "continuous", min: -10, max: 10, dimension: 2, calculable: false,
                     inRange: { color: ["#c0392b", "#f1c40f", "#2e8b57"] }, text: ["cooperation", "conflict"],
                     left: 10, bottom: 10 },
        geo: { map: "world", roam: true, itemStyle: { areaColor: "#eef2f5", borderColor: "#9aa7b4" },
               emphasis: { disabled: true } },
        series: [{
          type: "scatter", coordinateSystem: "geo",
          data: places.map(function (p) {
            return { name: p.name, country: p.country, events: p.events, goldstein: p.mean_goldstein,
                     value: [p.lon, p.lat, p.mean_goldstein === null ? 0 : p.mean_goldstein] };
          }),
          symbolSize: function (v, params) { return 6 + 24 * Math.sqrt(params.data.events / most); }
        }]
      });
    }).catch(function (err) { fail(el, err); });
  }

  var charts = { "network-chart": networkChart, "dyad-chart": dyadChart,
                 "partners-chart": partnersChart, "map-chart": mapChart };
  Object.keys(charts).forEach(function (id) {
    var el = document.getElementById(id);
    if (el) charts[id](el);
  });
})();
