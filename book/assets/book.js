/*
 * book.js - the little the pages need at load time:
 *   - KaTeX renders every .math element (katex.render, not auto-render,
 *     which skips <code> and <pre>);
 *   - the left and right arrow keys go to the previous and next chapter;
 *   - <div class="wb-slider"></div> becomes the BCE/MSE slider (losses
 *     and their gradients, side by side);
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
		{ id: 'bce', name: 'BCE loss',
		  f: function (p, y) { return y ? -Math.log(p) : -Math.log1p(-p); } },
		{ id: 'mse', name: 'MSE loss',
		  f: function (p, y) { return (p - y) * (p - y); } },
		{ id: 'bce-grad', name: 'BCE gradient ∂L/∂z = p − y',
		  f: function (p, y) { return p - y; } },
		{ id: 'mse-grad', name: 'MSE gradient ∂L/∂z = 2(p − y)p(1 − p)',
		  f: function (p, y) { return 2 * (p - y) * p * (1 - p); } }
	];
	/*
	 * Two panels side by side: the losses and their gradients with
	 * respect to the logit.  Each y range holds every value the slider can
	 * reach (p from 0.001 to 0.999: BCE up to -log 0.001 = 6.91, gradients
	 * in [-1, 1]), so no marker ever leaves its chart; the browser test
	 * checks that at both ends.
	 */
	var SIZE = { w: 300, h: 210, left: 44, right: 8, top: 10, bottom: 30 };
	var PANELS = [
		{ id: 'loss', label: 'loss L (nats)', ymin: 0, ymax: 7,
		  ticks: [0, 1, 2, 3, 4, 5, 6, 7], q: [0, 1] },
		{ id: 'grad', label: 'gradient ∂L/∂z', ymin: -1, ymax: 1,
		  ticks: [-1, -0.5, 0, 0.5, 1], q: [2, 3] }
	];

	function px(p) {
		return SIZE.left + p * (SIZE.w - SIZE.left - SIZE.right);
	}

	function py(panel, v) {
		var h = SIZE.h - SIZE.top - SIZE.bottom;
		return SIZE.top + h * (panel.ymax - v) / (panel.ymax - panel.ymin);
	}

	function curvePath(panel, q, y) {
		var d = '', f = QUANTITIES[q].f;
		for (var i = 1; i <= 999; i += 2) {
			var p = i / 1000;
			d += (i === 1 ? 'M' : 'L') + px(p).toFixed(1) + ',' +
				py(panel, f(p, y)).toFixed(1);
		}
		return d;
	}

	function cls(q, y) {
		return (q % 2 ? 'mse' : 'bce') + ' y' + y;
	}

	function panelSvg(panel) {
		var bottom = SIZE.h - SIZE.bottom, right = SIZE.w - SIZE.right;
		var s = '<svg class="wb-plot" data-panel="' + panel.id +
			'" viewBox="0 0 ' + SIZE.w + ' ' + SIZE.h + '" data-left="' +
			SIZE.left + '" data-right="' + right + '" data-top="' + SIZE.top +
			'" data-bottom="' + bottom + '" role="img" aria-label="' +
			panel.label + ' of BCE and MSE against p, for y = 1 and y = 0">' +
			'<g class="axes"><line x1="' + SIZE.left + '" y1="' + bottom +
			'" x2="' + right + '" y2="' + bottom + '"/><line x1="' +
			SIZE.left + '" y1="' + SIZE.top + '" x2="' + SIZE.left +
			'" y2="' + bottom + '"/>';
		if (panel.ymin < 0)
			s += '<line class="zero" x1="' + SIZE.left + '" y1="' +
				py(panel, 0) + '" x2="' + right + '" y2="' + py(panel, 0) + '"/>';
		for (var t = 0; t <= 1; t += 0.25)
			s += '<text x="' + px(t) + '" y="' + (SIZE.h - 16) + '">' + t + '</text>';
		panel.ticks.forEach(function (v) {
			s += '<text x="' + (SIZE.left - 5) + '" y="' +
				(py(panel, v) + 3.5) + '" class="ytick">' + v + '</text>';
		});
		s += '<text x="' + px(0.5) + '" y="' + (SIZE.h - 3) +
			'">predicted probability p</text>' +
			'<text class="ylabel" transform="translate(11,' +
			(SIZE.top + bottom) / 2 + ') rotate(-90)">' + panel.label +
			'</text></g>';
		panel.q.forEach(function (q) {
			[1, 0].forEach(function (y) {
				s += '<path class="' + cls(q, y) + '" d="' +
					curvePath(panel, q, y) + '"/>';
			});
		});
		panel.q.forEach(function (q) {
			[1, 0].forEach(function (y) {
				s += '<circle class="' + cls(q, y) + '" r="4" data-curve="' +
					QUANTITIES[q].id + '-y' + y + '"/>';
			});
		});
		return s + '</svg>';
	}

	function sliderHtml(p) {
		var rows = QUANTITIES.map(function (q) {
			return '<tr><th scope="row">' + q.name + '</th>' +
				'<td data-quantity="' + q.id + '-y1"></td>' +
				'<td data-quantity="' + q.id + '-y0"></td></tr>';
		}).join('');
		return '<label class="wb-p">predicted probability p = ' +
			'<output data-quantity="p"></output>, logit z = log(p / (1 − p)) = ' +
			'<output data-quantity="z"></output>' +
			'<input type="range" min="0.001" max="0.999" step="0.001" value="' +
			p + '" aria-label="predicted probability p"></label>' +
			'<div class="wb-panels">' + PANELS.map(panelSvg).join('') + '</div>' +
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
		show(root.querySelector('[data-quantity="z"]'), Math.log(p / (1 - p)), 3);
		root.querySelector('input').value = p;
		PANELS.forEach(function (panel) {
			panel.q.forEach(function (qi) {
				var q = QUANTITIES[qi];
				[1, 0].forEach(function (y) {
					var id = q.id + '-y' + y, v = q.f(p, y);
					show(root.querySelector('td[data-quantity="' + id + '"]'), v, 4);
					var dot = root.querySelector('circle[data-curve="' + id + '"]');
					dot.setAttribute('cx', px(p).toFixed(1));
					dot.setAttribute('cy', py(panel, v).toFixed(1));
				});
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
