/*
 * book.js - the little the pages need at load time:
 *   - KaTeX renders every .math element (katex.render, not auto-render,
 *     which skips <code> and <pre>);
 *   - the left and right arrow keys go to the previous and next chapter;
 *   - <div class="wb-slider"></div> becomes the BCE/MSE slider;
 *   - printing opens every <details>, so answers are on paper too.
 * Nothing is loaded from the network: the site works from file://.
 */
(function () {
	'use strict';

	function renderMath() {
		if (typeof katex === 'undefined')
			return;
		var all = document.querySelectorAll('.math.inline, .math.display');
		for (var i = 0; i < all.length; i++) {
			var el = all[i];
			katex.render(el.textContent, el, {
				displayMode: el.classList.contains('display'),
				throwOnError: false
			});
		}
	}

	function onKey(event) {
		var target = event.target, rel = null, link;
		if (event.defaultPrevented || event.altKey || event.ctrlKey ||
		    event.metaKey || event.shiftKey)
			return;
		/* The slider and any text field keep their own arrow keys. */
		if (target && (target.isContentEditable ||
			       /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)))
			return;
		if (event.key === 'ArrowLeft')
			rel = 'prev';
		else if (event.key === 'ArrowRight')
			rel = 'next';
		link = rel && document.querySelector('a[rel="' + rel + '"]');
		if (link)
			window.location.href = link.href;
	}

	/*
	 * The slider's quantities, as functions of p and the label y.  These
	 * are the formulas of chapters 2 and 5; the browser test checks them
	 * against the C reference solutions at several p.
	 */
	var QUANTITIES = [
		{ id: 'bce', name: 'BCE loss', plotted: true,
		  f: function (p, y) { return y ? -Math.log(p) : -Math.log1p(-p); } },
		{ id: 'mse', name: 'MSE loss', plotted: true,
		  f: function (p, y) { return (p - y) * (p - y); } },
		{ id: 'bce-grad', name: 'BCE gradient ∂L/∂z = p − y',
		  f: function (p, y) { return p - y; } },
		{ id: 'mse-grad', name: 'MSE gradient ∂L/∂z = 2(p − y)p(1 − p)',
		  f: function (p, y) { return 2 * (p - y) * p * (1 - p); } }
	];
	var PLOT = { w: 320, h: 200, left: 34, right: 8, top: 8, bottom: 26, ymax: 3 };
	var CURVES = [
		{ q: 0, y: 1, cls: 'bce y1' }, { q: 0, y: 0, cls: 'bce y0' },
		{ q: 1, y: 1, cls: 'mse y1' }, { q: 1, y: 0, cls: 'mse y0' }
	];

	function px(p) {
		return PLOT.left + p * (PLOT.w - PLOT.left - PLOT.right);
	}

	function py(v) {
		var h = PLOT.h - PLOT.top - PLOT.bottom;
		return PLOT.top + h * (1 - Math.min(v, PLOT.ymax * 1.05) / PLOT.ymax);
	}

	function curvePath(curve) {
		var d = '', f = QUANTITIES[curve.q].f;
		for (var i = 1; i < 400; i++) {
			var p = i / 400;
			d += (i === 1 ? 'M' : 'L') + px(p).toFixed(1) + ',' +
				py(f(p, curve.y)).toFixed(1);
		}
		return d;
	}

	function plotSvg() {
		var s = '<svg class="wb-plot" viewBox="0 0 ' + PLOT.w + ' ' + PLOT.h +
			'" role="img" aria-label="BCE and MSE against p, for y = 1 and y = 0">' +
			'<defs><clipPath id="wb-clip"><rect x="' + PLOT.left + '" y="' +
			PLOT.top + '" width="' + (PLOT.w - PLOT.left - PLOT.right) +
			'" height="' + (PLOT.h - PLOT.top - PLOT.bottom) + '"/></clipPath></defs>' +
			'<g class="axes"><line x1="' + px(0) + '" y1="' + py(0) + '" x2="' + px(1) +
			'" y2="' + py(0) + '"/><line x1="' + px(0) + '" y1="' + py(0) +
			'" x2="' + px(0) + '" y2="' + py(PLOT.ymax) + '"/>';
		for (var t = 0; t <= 1; t += 0.25)
			s += '<text x="' + px(t) + '" y="' + (PLOT.h - 10) + '">' + t + '</text>';
		for (var v = 1; v <= PLOT.ymax; v++)
			s += '<text x="' + (PLOT.left - 6) + '" y="' + (py(v) + 4) +
				'" class="ytick">' + v + '</text>';
		s += '<text x="' + px(0.5) + '" y="' + (PLOT.h - 1) + '">p</text></g>' +
			'<g clip-path="url(#wb-clip)">';
		CURVES.forEach(function (c) {
			s += '<path class="' + c.cls + '" d="' + curvePath(c) + '"/>';
		});
		CURVES.forEach(function (c) {
			s += '<circle class="' + c.cls + '" r="4" data-curve="' +
				QUANTITIES[c.q].id + '-y' + c.y + '"/>';
		});
		return s + '</g></svg>';
	}

	function sliderHtml(p) {
		var rows = QUANTITIES.map(function (q) {
			return '<tr><th scope="row">' + q.name + '</th>' +
				'<td data-quantity="' + q.id + '-y1"></td>' +
				'<td data-quantity="' + q.id + '-y0"></td></tr>';
		}).join('');
		return '<label class="wb-p">predicted probability p = ' +
			'<output data-quantity="p"></output>' +
			'<input type="range" min="0.001" max="0.999" step="0.001" value="' +
			p + '" aria-label="predicted probability p"></label>' + plotSvg() +
			'<p class="wb-legend"><span class="bce y1">BCE, y = 1</span> ' +
			'<span class="bce y0">BCE, y = 0</span> <span class="mse y1">MSE, y = 1</span> ' +
			'<span class="mse y0">MSE, y = 0</span></p>' +
			'<table class="wb-values"><thead><tr><th></th><th>y = 1</th>' +
			'<th>y = 0</th></tr></thead><tbody>' + rows + '</tbody></table>';
	}

	/* data-value holds the full double (String() round-trips), the text a
	 * readable rounding of it. */
	function show(el, value, digits) {
		el.setAttribute('data-value', String(value));
		el.textContent = value.toFixed(digits);
	}

	function updateSlider(root, p) {
		show(root.querySelector('[data-quantity="p"]'), p, 3);
		root.querySelector('input').value = p;
		QUANTITIES.forEach(function (q) {
			[1, 0].forEach(function (y) {
				var id = q.id + '-y' + y, v = q.f(p, y);
				show(root.querySelector('td[data-quantity="' + id + '"]'), v, 4);
				var dot = root.querySelector('circle[data-curve="' + id + '"]');
				if (dot) {
					dot.setAttribute('cx', px(p).toFixed(1));
					dot.setAttribute('cy', py(v).toFixed(1));
				}
			});
		});
	}

	/* #p=0.9 or ?p=0.9 sets the slider, so a page can be linked (and
	 * tested) at a given p; anything outside (0, 1) is ignored. */
	function requestedP() {
		var m = /(?:^|[#?&])p=([0-9.eE+-]+)/.exec(
			window.location.search + '#' + window.location.hash.slice(1));
		var p = m ? parseFloat(m[1]) : NaN;
		return p > 0 && p < 1 ? p : null;
	}

	function initSliders() {
		var roots = document.querySelectorAll('.wb-slider');
		Array.prototype.forEach.call(roots, function (root) {
			var p = requestedP() || 0.5;
			root.innerHTML = sliderHtml(p);
			root.querySelector('input').addEventListener('input', function (e) {
				updateSlider(root, parseFloat(e.target.value));
			});
			updateSlider(root, p);
		});
		window.addEventListener('hashchange', function () {
			var p = requestedP();
			if (p)
				Array.prototype.forEach.call(roots, function (root) {
					updateSlider(root, p);
				});
		});
	}

	function openDetailsForPrint() {
		var all = document.querySelectorAll('details');
		for (var i = 0; i < all.length; i++)
			all[i].open = true;
	}

	document.addEventListener('DOMContentLoaded', function () {
		renderMath();
		initSliders();
		document.addEventListener('keydown', onKey);
		window.addEventListener('beforeprint', openDetailsForPrint);
	});
})();
