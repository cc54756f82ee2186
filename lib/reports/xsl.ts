/** The stylesheet embedded in the XML report, so the file opens as a readable page in a browser. */
export const REPORT_XSL = `<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" id="reportstyle">
<xsl:template match="xsl:stylesheet"/>
<xsl:template match="/report">
<html><head><title><xsl:value-of select="report-title"/></title>
<style>body{font-family:sans-serif;margin:2em;color:#0f172a}h2{margin-top:2em}.Succeeded{color:#15803d}.Failed,.Invalid{color:#b91c1c}.Aborted{color:#c2410c}.In_Progress{color:#1d4ed8}pre{background:#f1f5f9;padding:.5em;white-space:pre-wrap}</style></head>
<body><h1><xsl:value-of select="report-title"/></h1>
<p>This report aggregates over <xsl:value-of select="count(root/list-item)"/> experiments.</p>
<xsl:for-each select="root/list-item">
<h2><xsl:value-of select="name"/></h2><p><xsl:value-of select="description"/></p>
<p>Number of Successful Trials: <xsl:value-of select="count(trials/list-item[status='Succeeded'])"/> / <xsl:value-of select="count(trials/list-item)"/></p>
<xsl:if test="not(trials/list-item)"><p>No trials run</p></xsl:if>
<xsl:for-each select="trials/list-item">
<h3>[<span class="{translate(status,' ','_')}"><xsl:value-of select="status"/></span>] Trial ID: <xsl:value-of select="id"/></h3>
<p>Executed at <xsl:value-of select="executed_at"/>, completed at <xsl:value-of select="completed_at"/>, by <xsl:value-of select="initiated_by"/></p>
<xsl:for-each select="trial_record/pre_steps/list-item|trial_record/steps/list-item|trial_record/post_steps/list-item">
<h4><xsl:value-of select="step_name"/> (<xsl:value-of select="status"/>)</h4>
<pre><xsl:for-each select="logs/list-item"><xsl:value-of select="."/><xsl:text>&#10;</xsl:text></xsl:for-each></pre>
</xsl:for-each>
<pre><xsl:for-each select="trial_record/result/list-item/logs/list-item"><xsl:value-of select="."/></xsl:for-each></pre>
</xsl:for-each>
</xsl:for-each>
<xsl:if test="not(root/list-item)"><p>No experiments created</p></xsl:if>
</body></html>
</xsl:template>
</xsl:stylesheet>`;
